import { Badge } from '@mantine/core';
import type { CaseStatus } from '@portico/shared/contracts/cases';
import { useTranslation } from 'react-i18next';

/** Light badges with dark text: white on a filled colour is below 4.5:1 for several of these. */
const STATUS_COLOR: Record<CaseStatus, string> = {
  new: 'blue',
  acknowledged: 'cyan',
  in_progress: 'yellow',
  waiting_for_tenant: 'orange',
  resolved: 'green',
  closed: 'gray',
};

export function CaseStatusBadge({ status, size = 'sm' }: { status: CaseStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" c="gray.9" size={size}>
      {t(`cases.status.${status}`)}
    </Badge>
  );
}
