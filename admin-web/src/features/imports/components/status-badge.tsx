import { Badge } from '@mantine/core';
import type { ImportStatus } from '@portico/shared/contracts/imports';
import { useTranslation } from 'react-i18next';

/** Filled, with white text at 4.5:1 or more (axe): green 9 and red 8 fall just short. */
const COLOURS: Record<ImportStatus, string> = {
  uploaded: 'gray.8',
  queued: 'blue.8',
  running: 'blue.8',
  checked: 'indigo.8',
  committed: 'teal.9',
  failed: 'red.9',
};

export function StatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={COLOURS[status]} size="sm">
      {t(`imports.status.${status}`)}
    </Badge>
  );
}
