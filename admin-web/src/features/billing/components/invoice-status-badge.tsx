import { Badge } from '@mantine/core';
import type { InvoiceStatus } from '@portico/shared/contracts/billing-core';
import { useTranslation } from 'react-i18next';

/** Filled, with white text at 4.5:1 or more (axe): the portal's notice badges use the same shades. */
const COLORS: Record<InvoiceStatus, string> = {
  unpaid: 'blue.9',
  partly_paid: 'indigo.9',
  overdue: 'red.9',
  paid: 'teal.9',
  credited: 'gray.8',
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation('billing');
  return (
    <Badge color={COLORS[status]} variant="filled" size="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}
