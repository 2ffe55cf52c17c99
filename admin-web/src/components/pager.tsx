import { Button, Group } from '@mantine/core';
import { cursorOrUndefined } from '@portico/shared/list-params';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

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

/** A keyset list's position lives in the URL (`cursor`), so a reload, a link or the back button keeps it. */
export function useCursorParam() {
  const [params, setParams] = useSearchParams();
  const cursor = cursorOrUndefined(params.get('cursor'));
  const setCursor = useCallback(
    (next: string | undefined) =>
      setParams((previous) => {
        const params = new URLSearchParams(previous);
        if (next) params.set('cursor', next);
        else params.delete('cursor');
        return params;
      }),
    [setParams],
  );
  return [cursor, setCursor] as const;
}
