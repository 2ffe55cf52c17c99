import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Pager({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pager.label')}>
      <Group justify="space-between" mt="md" wrap="nowrap">
        <Button variant="default" disabled={page <= 1} onClick={() => onChange(page - 1)}>
          {t('pager.previous')}
        </Button>
        <Text size="sm" aria-live="polite">
          {t('pager.status', { page, pages })}
        </Text>
        <Button variant="default" disabled={page >= pages} onClick={() => onChange(page + 1)}>
          {t('pager.next')}
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
