import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { CreditNoteCreateSchema } from '@portico/shared/contracts/billing';
import type { InvoiceDetail } from '@portico/shared/contracts/billing-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { TableScroll } from '@/components/table-scroll';
import { formatMoney, formatPeriod, parseAmount } from '@/lib/format';
import { formatDate } from '@/lib/i18n';
import { useCreateCreditNote } from '../api/invoice-actions';
import { InvoiceStatusBadge } from './invoice-status-badge';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

/** A credit note against what is still open: one amount and a reason. */
function CreditNoteForm({ invoice, onDone }: { invoice: InvoiceDetail; onDone: (id: string) => void }) {
  const { t } = useTranslation('billing');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const credit = useCreateCreditNote(invoice.id);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const minor = parseAmount(amount);
        const parsed = CreditNoteCreateSchema.safeParse({ amountMinor: minor ?? undefined, reason });
        if (minor === null || !parsed.success) {
          setProblem(minor === null ? t('credit.amountInvalid') : t('credit.reasonRequired'));
          return;
        }
        setProblem(null);
        credit.mutate(parsed.data, { onSuccess: (note) => onDone(note.id) });
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('credit.title')}
        </Title>
        <Text size="sm">{t('credit.open', { amount: formatMoney(invoice.openMinor, invoice.currency) })}</Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('credit.amount')}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            inputMode="decimal"
            required
          />
          <TextInput
            label={t('credit.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            maxLength={200}
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit" loading={credit.isPending}>
            {t('credit.submit')}
          </Button>
        </Group>
        {problem && (
          <Text c="red.8" size="sm" role="alert">
            {problem}
          </Text>
        )}
        <ErrorAlert error={credit.error} />
      </Stack>
    </form>
  );
}

/** One notice, charge or credit note for staff: lines, totals, payments, the PDF and a credit note. */
export function InvoiceDetails({
  invoice,
  canManage,
  onCredited,
}: {
  invoice: InvoiceDetail;
  canManage: boolean;
  onCredited: (id: string) => void;
}) {
  const { t } = useTranslation('billing');
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <InvoiceStatusBadge status={invoice.status} />
        <Text>{t(`kind.${invoice.kind}`)}</Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label={t('detail.customer')}>{invoice.customer.name}</Fact>
        <Fact label={t('detail.lease')}>
          <Anchor component={Link} to={`/leases/${invoice.lease.id}`}>
            {invoice.lease.number}
          </Anchor>
        </Fact>
        <Fact label={t('detail.period')}>
          {invoice.period
            ? invoice.period.start.slice(0, 7) === invoice.period.end.slice(0, 7)
              ? formatPeriod(invoice.period.start.slice(0, 7))
              : `${formatDate(invoice.period.start)} – ${formatDate(invoice.period.end)}`
            : '—'}
        </Fact>
        <Fact label={t('detail.issueDate')}>{formatDate(invoice.issueDate)}</Fact>
        <Fact label={t('detail.dueDate')}>{formatDate(invoice.dueDate)}</Fact>
        <Fact label={t('detail.reference')}>{invoice.payment?.reference ?? '—'}</Fact>
      </SimpleGrid>
      {invoice.creditsInvoice && (
        <Text>
          {t('detail.credits')}{' '}
          <Anchor component={Link} to={`/billing/invoices/${invoice.creditsInvoice.id}`}>
            {invoice.creditsInvoice.number}
          </Anchor>
        </Text>
      )}
      <TableScroll label={t('detail.lines')} minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('detail.line')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('detail.net')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('detail.vat')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id and never reorder
              <Table.Tr key={i}>
                <Table.Td>{line.description || t(`charge.kinds.${line.kind}`)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{money(line.amountMinor)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {money(line.vatMinor)} ({line.vatRate} %)
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Fact label={t('detail.subtotal')}>{money(invoice.subtotalMinor)}</Fact>
          <Fact label={t('detail.vat')}>{money(invoice.vatMinor)}</Fact>
          <Fact label={t('detail.total')}>{money(invoice.totalMinor)}</Fact>
          <Fact label={t('detail.paid')}>{money(invoice.paidMinor)}</Fact>
          <Fact label={t('detail.open')}>{money(invoice.openMinor)}</Fact>
        </SimpleGrid>
      </Paper>
      <div>
        <Title order={2} size="h4" mb="xs">
          {t('detail.payments')}
        </Title>
        {invoice.payments.length === 0 ? (
          <Text c="dimmed">{t('detail.noPayments')}</Text>
        ) : (
          <Stack gap={4}>
            {invoice.payments.map((p) => (
              <Text key={p.paymentId}>
                {formatDate(p.paidOn)}: {money(p.amountMinor)}
              </Text>
            ))}
          </Stack>
        )}
      </div>
      <Group>
        <Button component="a" href={`/api/v1/invoices/${invoice.id}/pdf`} variant="default" target="_blank" rel="noopener">
          {t('detail.pdf')}
        </Button>
      </Group>
      {canManage && invoice.kind !== 'credit_note' && invoice.openMinor > 0 && <CreditNoteForm invoice={invoice} onDone={onCredited} />}
    </Stack>
  );
}
