import { Badge } from '@mantine/core';
import type { ImportStatus } from '@portico/shared/contracts/imports';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<ImportStatus, string> = {
  uploaded: 'gray.8',
  queued: 'blue.8',
  running: 'blue.8',
  checked: 'teal.9',
  committed: 'green.9',
  failed: 'red.8',
};

export function StatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={COLOURS[status]} size="sm">
      {t(`imports.status.${status}`)}
    </Badge>
  );
}
