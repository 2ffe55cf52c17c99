import { Badge, Group, Paper, Text } from '@mantine/core';
import type { PaymentState, PaymentSummary } from '@portico/shared/contracts/payments';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@/lib/format';
import { formatDate } from '@/lib/i18n';

const STATE_COLOR: Record<PaymentState, string> = { unmatched: 'red.9', credit: 'violet.9', allocated: 'teal.9' };

export function PaymentStateBadge({ state }: { state: PaymentState }) {
  const { t } = useTranslation('payments');
  return (
    <Badge color={STATE_COLOR[state]} variant="filled" size="sm" tt="none">
      {t(`state.${state}`)}
    </Badge>
  );
}

/** One payment: amount and day, who paid with which reference, where it stands. */
export function PaymentRow({ payment, children }: { payment: PaymentSummary; children?: ReactNode }) {
  const { t } = useTranslation('payments');
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-testid="payment-row">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600}>{formatMoney(payment.amountMinor, payment.currency)}</Text>
        <Group gap="xs">
          <Badge variant="outline" color="gray.8" size="sm" tt="none">
            {t(`source.${payment.source}`)}
          </Badge>
          <PaymentStateBadge state={payment.state} />
        </Group>
      </Group>
      <Text size="sm">
        <time dateTime={payment.paidOn}>{formatDate(payment.paidOn)}</time>
        {payment.reference ? ` · ${t('row.reference', { reference: payment.reference })}` : ''}
        {payment.payerName ? ` · ${payment.payerName}` : ''}
      </Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {payment.customer ? payment.customer.name : t('row.noCustomer')}
        {payment.state === 'credit' ? ` · ${t('row.credit', { amount: formatMoney(payment.unallocatedMinor, payment.currency) })}` : ''}
        {payment.note ? ` · ${payment.note}` : ''}
      </Text>
      {children}
    </Paper>
  );
}
