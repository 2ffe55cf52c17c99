import { Badge, VisuallyHidden } from '@mantine/core';
import type { LeaseStatus } from '@portico/shared/contracts/leases';
import { useTranslation } from 'react-i18next';

const COLORS: Record<LeaseStatus, string> = { active: 'teal.9', terminated: 'orange.9', ended: 'gray.7' };

export function LeaseStatusBadge({ status, archived }: { status: LeaseStatus; archived?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge color={COLORS[status]} variant="filled" size="sm">
        <VisuallyHidden>{t('leases.statusLabel')}: </VisuallyHidden>
        {t(`leases.status.${status}`)}
      </Badge>
      {archived && (
        <Badge color="gray.8" variant="outline" size="sm" ml={4}>
          {t('leases.archived')}
        </Badge>
      )}
    </>
  );
}
