import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Previous / "Page n of m" / Next under a paged list; nothing when everything fits on one page. */
export function Pager({
  label,
  page,
  pages,
  onPageChange,
}: {
  label: string;
  page: number;
  pages: number;
  onPageChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label}>
      <Group justify="space-between" mt="md" gap="xs">
        <Button variant="default" size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          {t('messages.pagination.previous')}
        </Button>
        <Text size="sm" aria-live="polite">
          {t('messages.pagination.page', { page, pages })}
        </Text>
        <Button variant="default" size="sm" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
          {t('messages.pagination.next')}
        </Button>
      </Group>
    </nav>
  );
}

/**
 * Previous / Next under a keyset list (decision 66): the page carries both cursors, so there is no
 * "page n of m" to show; nothing when everything fits on one page.
 */
export function CursorPager({
  label,
  page,
  onCursor,
}: {
  label: string;
  page: { previousCursor: string | null; nextCursor: string | null };
  onCursor: (cursor: string | undefined) => void;
}) {
  const { t } = useTranslation();
  if (!page.previousCursor && !page.nextCursor) return null;
  return (
    <nav aria-label={label}>
      <Group justify="space-between" mt="md" gap="xs">
        <Button variant="default" size="sm" disabled={!page.previousCursor} onClick={() => onCursor(page.previousCursor ?? undefined)}>
          {t('messages.pagination.previous')}
        </Button>
        <Button variant="default" size="sm" disabled={!page.nextCursor} onClick={() => onCursor(page.nextCursor ?? undefined)}>
          {t('messages.pagination.next')}
        </Button>
      </Group>
    </nav>
  );
}
