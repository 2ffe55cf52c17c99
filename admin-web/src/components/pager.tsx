import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Previous / Next under a keyset list (decision 66): the page carries both cursors, so there is no
 * "page n of m" to show; nothing when everything fits on one page.
 */
export function CursorPager({
  page,
  onCursor,
}: {
  page: { previousCursor: string | null; nextCursor: string | null };
  onCursor: (cursor: string | undefined) => void;
}) {
  const { t } = useTranslation();
  if (!page.previousCursor && !page.nextCursor) return null;
  return (
    <nav aria-label={t('pager.label')}>
      <Group justify="space-between" mt="md" wrap="nowrap">
        <Button variant="default" disabled={!page.previousCursor} onClick={() => onCursor(page.previousCursor ?? undefined)}>
          {t('pager.previous')}
        </Button>
        <Button variant="default" disabled={!page.nextCursor} onClick={() => onCursor(page.nextCursor ?? undefined)}>
          {t('pager.next')}
        </Button>
      </Group>
    </nav>
  );
}
