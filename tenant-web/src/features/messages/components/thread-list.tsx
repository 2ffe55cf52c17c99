import { Alert, Group, Text } from '@mantine/core';
import type { Box } from '@portico/shared/contracts/messaging';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { Pager } from '@/components/pager';
import { errorText } from '@/lib/errors';
import { formatListDate, leaseLabel } from '@/lib/format';
import { useThreads } from '../api/get-threads';

export const THREAD_PAGE_SIZE = 20;

export function ThreadList({
  box,
  leaseId,
  page,
  onPageChange,
}: {
  box: Box;
  leaseId: string | undefined;
  page: number;
  onPageChange: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const threads = useThreads({ box, leaseId, page, pageSize: THREAD_PAGE_SIZE });

  if (threads.isPending) return <PageLoader />;
  if (threads.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(t, threads.error)}
      </Alert>
    );
  }

  const { items, total, pageSize } = threads.data;
  const pages = Math.max(1, Math.ceil(total / pageSize));

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
      <Pager label={t('messages.pagination.label')} page={page} pages={pages} onPageChange={onPageChange} />
    </>
  );
}
