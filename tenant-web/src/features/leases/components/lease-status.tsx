import { Badge } from '@mantine/core';
import type { LeaseStatus } from '@portico/shared/contracts/leases';
import { useTranslation } from 'react-i18next';

/** Light badges with dark text, as the case statuses (coloured text on white fell below 4.5:1). */
const STATUS_COLOR: Record<LeaseStatus, string> = { active: 'green', terminated: 'orange', ended: 'gray' };

export function LeaseStatusText({ status }: { status: LeaseStatus }) {
  const { t } = useTranslation('leases');
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" c="gray.9" size="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}
