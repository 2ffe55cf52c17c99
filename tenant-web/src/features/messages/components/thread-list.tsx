import { Alert, Group, Text } from '@mantine/core';
import type { Box } from '@portico/shared/contracts/messaging';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { CursorPager, useCursorParam } from '@/components/pager';
import { errorText } from '@/lib/errors';
import { formatListDate, leaseLabel } from '@/lib/format';
import { useThreads } from '../api/get-threads';
import { THREAD_PAGE_SIZE } from '../api/paths';

export { THREAD_PAGE_SIZE };

/** A box change (the route's params drop `cursor`) or a lease change starts again at the first page. */
export function ThreadList({ box, leaseId }: { box: Box; leaseId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [cursor, setCursor] = useCursorParam();
  const shownLease = useRef(leaseId);
  useEffect(() => {
    if (shownLease.current === leaseId) return;
    shownLease.current = leaseId;
    setCursor(undefined);
  }, [leaseId, setCursor]);
  const threads = useThreads({ box, leaseId, cursor, limit: THREAD_PAGE_SIZE });

  if (threads.isPending) return <PageLoader />;
  if (threads.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(t, threads.error)}
      </Alert>
    );
  }

  const { items } = threads.data;

  if (!items.length) {
    return (
      <Text py="lg" c="gray.7">
        {t(`messages.empty.${box}`)}
      </Text>
    );
  }

  return (
    <>
      <ul className="thread-list">
        {items.map((thread) => (
          <li key={thread.id}>
            <Link className="thread-row" to={`/messages/${thread.id}`} data-unread={thread.unread || undefined}>
              <Group justify="space-between" wrap="nowrap" gap="sm" align="baseline">
                <span className="thread-subject">
                  {thread.unread && (
                    <>
                      <span className="unread-dot" aria-hidden="true" />
                      <span className="visually-hidden">{t('messages.unread')}: </span>
                    </>
                  )}
                  {thread.subject}
                </span>
                <time className="thread-meta" dateTime={thread.lastMessageAt} style={{ whiteSpace: 'nowrap' }}>
                  {formatListDate(thread.lastMessageAt, i18n.language)}
                </time>
              </Group>
              <div className="thread-meta">{leaseLabel(t, thread.lease)}</div>
              <div className="thread-preview">{thread.lastMessagePreview}</div>
            </Link>
          </li>
        ))}
      </ul>
      <CursorPager label={t('messages.pagination.label')} page={threads.data} onCursor={setCursor} />
    </>
  );
}
