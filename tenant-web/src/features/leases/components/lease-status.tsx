import { Text } from '@mantine/core';
import type { LeaseStatus } from '@portico/shared/contracts/leases';
import { useTranslation } from 'react-i18next';

/** Dark shades only: the text stays above 4.5:1 on striped rows too. */
const STATUS_COLOR: Record<LeaseStatus, string> = { active: 'green.9', terminated: 'orange.9', ended: 'gray.7' };

export function LeaseStatusText({ status }: { status: LeaseStatus }) {
  const { t } = useTranslation('leases');
  return (
    <Text component="span" size="sm" fw={600} c={STATUS_COLOR[status]}>
      {t(`status.${status}`)}
    </Text>
  );
}
