import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { MandateKind } from '@portico/shared/contracts/billing-core';
import { MandateCreateSchema } from '@portico/shared/contracts/mandates';
import { formIssueKey } from '@portico/shared/form-issues';
import { checkMandateInput } from '@portico/shared/formats/direct-debit';
import type { Locale } from '@portico/shared/locale';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError } from '@/components/form-error';
import { PageLoader } from '@/components/page-loader';
import { fieldIssues } from '@/lib/errors';
import { useCreateMandate, useMandateTerms } from '../api/mandates';

/**
 * The contract's fields, checked in the browser by the same §5 rules the API applies
 * (`checkMandateInput`), and the terms accepted with a tick.
 */
const formSchema = (kind: MandateKind) =>
  MandateCreateSchema.pick({ bankCode: true, bankAccount: true, holderId: true, holderName: true })
    .extend({ acceptTerms: z.boolean().refine((v) => v, { message: 'money:directDebit.form.acceptRequired' }) })
    .superRefine((value, ctx) => {
      if (!value.bankCode || !value.bankAccount || !value.holderId) return;
      const checked = checkMandateInput(kind, value);
      if (checked.ok) return;
      const path = { mandate_bad_bank_code: 'bankCode', mandate_bad_account: 'bankAccount', mandate_bad_holder_id: 'holderId' }[
        checked.problem
      ];
      ctx.addIssue({ code: 'custom', path: [path], message: `errors:${checked.problem}` });
    });

type Field = 'bankCode' | 'bankAccount' | 'holderId' | 'holderName' | 'acceptTerms';

/** "Create payment agreement" for one lease: bank, account, holder, the current terms and "Create". */
export function MandateForm({ leaseId, kind, onDone }: { leaseId: string; kind: MandateKind; onDone: () => void }) {
  const { t, i18n } = useTranslation(['money', 'portal', 'errors']);
  const terms = useMandateTerms(kind);
  const create = useCreateMandate();
  const form = useForm({
    resolver: zodResolver(formSchema(kind), { error: formIssueKey }),
    defaultValues: { bankCode: '', bankAccount: '', holderId: '', holderName: '', acceptTerms: false },
  });
  const { errors } = form.formState;
  const issues = fieldIssues(create.error);
  const fieldError = (field: Field) => {
    const message = errors[field]?.message;
    if (message) return t(message.includes(':') ? message : `portal:${message}`);
    return issues.has(field) ? t('portal:validation.invalid') : undefined;
  };

  if (terms.isPending) return <PageLoader />;
  if (terms.isError) return <FormError error={terms.error} />;
  const text = terms.data.texts[(i18n.language as Locale) ?? 'en'] ?? terms.data.texts.en;
  const k = `directDebit.form.${kind}`;

  const submit = form.handleSubmit((values) =>
    create.mutate({ ...values, leaseId, kind, termsVersion: terms.data.version }, { onSuccess: () => onDone() }),
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`mandate-form-${leaseId}`}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={`mandate-form-${leaseId}`}>
          {t(`${k}.title`)}
        </Title>
        <FormError error={create.error} />
        <Paper withBorder p="sm" radius="sm">
          <Text size="sm" fw={600}>
            {t('directDebit.form.payee')}
          </Text>
          <Text size="sm">{terms.data.payee.name}</Text>
          {terms.data.payee.account && <Text size="sm">{t(`${k}.payeeAccount`, { account: terms.data.payee.account })}</Text>}
          {terms.data.payee.email && <Text size="sm">{terms.data.payee.email}</Text>}
          {terms.data.payee.phone && <Text size="sm">{terms.data.payee.phone}</Text>}
        </Paper>
        <Group grow align="start" wrap="wrap">
          <TextInput
            label={t(`${k}.bankCode`)}
            description={t(`${k}.bankCodeHint`)}
            inputMode="numeric"
            autoComplete="off"
            required
            error={fieldError('bankCode')}
            {...form.register('bankCode')}
          />
          <TextInput
            label={t('directDebit.form.bankAccount')}
            description={t(`${k}.bankAccountHint`)}
            inputMode="numeric"
            autoComplete="off"
            required
            error={fieldError('bankAccount')}
            {...form.register('bankAccount')}
          />
        </Group>
        <TextInput
          label={t(`${k}.holderId`)}
          description={t(`${k}.holderIdHint`)}
          autoComplete="off"
          required
          error={fieldError('holderId')}
          {...form.register('holderId')}
        />
        <TextInput
          label={t('directDebit.form.holderName')}
          autoComplete="name"
          required
          error={fieldError('holderName')}
          {...form.register('holderName')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={600} id={`mandate-terms-${leaseId}`}>
            {t('directDebit.form.terms', { version: terms.data.version })}
          </Text>
          {/* Scrolls when long; focusable so the keyboard can scroll it too. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section tabIndex={0} aria-labelledby={`mandate-terms-${leaseId}`} style={{ maxHeight: 220, overflowY: 'auto' }}>
            <Paper withBorder p="sm" radius="sm">
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {text}
              </Text>
            </Paper>
          </section>
        </Stack>
        <Checkbox label={t('directDebit.form.accept')} error={fieldError('acceptTerms')} {...form.register('acceptTerms')} />
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('directDebit.form.create')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
