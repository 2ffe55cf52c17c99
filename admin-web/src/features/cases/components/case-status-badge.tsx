import { Badge, VisuallyHidden } from '@mantine/core';
import type { CaseStatus } from '@portico/shared/contracts/cases';
import { useTranslation } from 'react-i18next';

/** Shade 9 (gray 7) keeps white badge text above 4.5:1. */
const COLORS: Record<CaseStatus, string> = {
  new: 'blue.9',
  acknowledged: 'indigo.9',
  in_progress: 'cyan.9',
  waiting_for_tenant: 'grape.9',
  resolved: 'teal.9',
  closed: 'gray.7',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="filled" size="sm" tt="none">
      <VisuallyHidden>{t('cases.statusLabel')}: </VisuallyHidden>
      {t(`cases.status.${status}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" size="sm" tt="none">
      {t('cases.overdue')}
    </Badge>
  );
}
