import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { PaymentCreateFieldsSchema } from '@portico/shared/contracts/payments';
import { formIssueKey } from '@portico/shared/form-issues';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { parseAmount } from '@/lib/format';
import { useRegisterPayment } from '../api/register-payment';
import { type Target, TargetPicker } from './target-picker';

const { shape } = PaymentCreateFieldsSchema;
/** The contract's fields; the amount is typed as text and checked as what the submit turns it into. */
const FormSchema = PaymentCreateFieldsSchema.pick({ paidOn: true, reference: true, note: true }).extend({
  amount: z.string().refine((v) => {
    const minor = parseAmount(v);
    return minor !== null && shape.amountMinor.safeParse(minor).success;
  }, 'payments:register.amountInvalid'),
});
type FormValues = z.input<typeof FormSchema>;

const today = () => new Date().toISOString().slice(0, 10);

/** Finance registers a payment by hand: to a notice, to a customer's credit, or to the unmatched queue. */
export function RegisterPayment() {
  const { t } = useTranslation('payments');
  const register = useRegisterPayment();
  const [target, setTarget] = useState<Target>({ kind: 'invoice', invoiceId: '' });
  const [done, setDone] = useState(false);
  const defaults = (): FormValues => ({ amount: '', paidOn: today(), reference: '', note: '' });
  const form = useForm({ resolver: zodResolver(FormSchema, { error: formIssueKey }), defaultValues: defaults() });
  const fieldError = useFieldError(FormSchema.shape, form.formState.errors);
  const targetMissing = (target.kind === 'invoice' && !target.invoiceId) || (target.kind === 'customer' && !target.customerId);

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="register-payment-title">
      <Title order={2} size="h4" id="register-payment-title" mb="sm">
        {t('register.title')}
      </Title>
      <form
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setDone(false);
          register.mutate(
            {
              amountMinor: parseAmount(values.amount) ?? 0,
              paidOn: values.paidOn,
              reference: values.reference || undefined,
              note: values.note || undefined,
              ...(target.kind === 'invoice'
                ? { invoiceId: target.invoiceId }
                : target.kind === 'customer'
                  ? { customerId: target.customerId }
                  : {}),
            },
            {
              onSuccess: () => {
                form.reset(defaults());
                setDone(true);
              },
            },
          );
        })}
      >
        <Stack gap="sm">
          <ErrorAlert error={register.error} />
          <div aria-live="polite">
            {done && (
              <Alert color="green" variant="light">
                {t('register.done')}
              </Alert>
            )}
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('register.amount')}
              required
              inputMode="decimal"
              autoComplete="off"
              error={fieldError('amount')}
              {...form.register('amount')}
            />
            <TextInput type="date" label={t('register.paidOn')} required error={fieldError('paidOn')} {...form.register('paidOn')} />
            <TextInput
              label={t('register.reference')}
              maxLength={maxLengthOf(shape.reference)}
              error={fieldError('reference')}
              {...form.register('reference')}
            />
            <TextInput
              label={t('register.note')}
              maxLength={maxLengthOf(shape.note)}
              error={fieldError('note')}
              {...form.register('note')}
            />
          </SimpleGrid>
          <TargetPicker value={target} onChange={setTarget} allowNone />
          <Group>
            <Button type="submit" loading={register.isPending} disabled={targetMissing}>
              {t('register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
