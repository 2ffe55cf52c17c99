import { Badge } from '@mantine/core';
import type { InvoiceStatus } from '@portico/shared/contracts/billing-core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<InvoiceStatus, string> = {
  unpaid: 'blue.8',
  partly_paid: 'yellow.9',
  overdue: 'red.8',
  paid: 'teal.9',
  credited: 'gray.7',
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation('billing');
  return (
    <Badge color={COLORS[status]} variant="filled" size="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}
