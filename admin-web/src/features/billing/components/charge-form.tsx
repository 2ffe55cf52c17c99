import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { ChargeCreateSchema } from '@portico/shared/contracts/billing';
import { RENT_LINE_KINDS } from '@portico/shared/contracts/leases';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { parseAmount } from '@/lib/format';
import { useCreateCharge } from '../api/invoice-actions';

/** A single extra charge on a lease (one line): its own number, reference and due date. */
export function ChargeForm({ leaseId }: { leaseId: string }) {
  const { t } = useTranslation('billing');
  const [kind, setKind] = useState<(typeof RENT_LINE_KINDS)[number]>('other');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [vatRate, setVatRate] = useState('0');
  const [dueDate, setDueDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const charge = useCreateCharge();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const minor = parseAmount(amount);
        const parsed = ChargeCreateSchema.safeParse({
          leaseId,
          lines: [{ kind, description, amountMinor: minor ?? -1, vatRate: Number(vatRate) }],
          ...(dueDate ? { dueDate } : {}),
        });
        if (!parsed.success) {
          setProblem(t('charge.invalid'));
          return;
        }
        setProblem(null);
        charge.mutate(parsed.data);
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('charge.title')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('charge.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
            data={RENT_LINE_KINDS.map((k) => ({ value: k, label: t(`charge.kinds.${k}`) }))}
          />
          <TextInput
            label={t('charge.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            required
            maxLength={200}
          />
          <TextInput
            label={t('charge.amount')}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            inputMode="decimal"
            required
          />
          <NativeSelect
            label={t('charge.vatRate')}
            value={vatRate}
            onChange={(e) => setVatRate(e.currentTarget.value)}
            data={[
              { value: '0', label: '0 %' },
              { value: '25', label: '25 %' },
            ]}
          />
          <TextInput label={t('charge.dueDate')} type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />
          <Button type="submit" loading={charge.isPending}>
            {t('charge.submit')}
          </Button>
        </Group>
        {problem && (
          <Text c="red.8" size="sm" role="alert">
            {problem}
          </Text>
        )}
        <ErrorAlert error={charge.error} />
        {charge.data && (
          <Text role="status" c="teal.9">
            {t('charge.created')} <Link to={`/billing/invoices/${charge.data.id}`}>{charge.data.number}</Link>
          </Text>
        )}
      </Stack>
    </form>
  );
}
