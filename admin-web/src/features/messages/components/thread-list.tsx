import { Anchor, Box, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { Box as MessageBox, ThreadSummary } from '@portico/shared/contracts/messaging';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { formatDateTime } from '@/lib/i18n';
import { useThreads } from '../api/get-threads';

export const THREADS_PAGE_SIZE = 20;

function ThreadRow({ thread }: { thread: ThreadSummary }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" radius="sm" className={thread.unread ? 'thread-row thread-row--unread' : 'thread-row'}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          {thread.unread && <Box className="unread-dot" aria-hidden />}
          <Anchor component={Link} to={`/messages/${thread.id}`} fw={thread.unread ? 700 : 500} c="inherit" className="thread-link">
            {thread.unread && <VisuallyHidden>{t('messages.unread')}: </VisuallyHidden>}
            {thread.subject}
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed" component="time" dateTime={thread.lastMessageAt}>
          {formatDateTime(thread.lastMessageAt)}
        </Text>
      </Group>
      <Text size="sm" mt={4}>
        {thread.customer.name}
        <Text span c="dimmed">
          {' · '}
          {thread.lease.address}
        </Text>
      </Text>
      <Text size="sm" c="dimmed" lineClamp={1} mt={2}>
        {thread.lastAuthorKind === 'staff' ? `${t('messages.you')}: ` : ''}
        {thread.lastMessagePreview}
      </Text>
    </Paper>
  );
}

export function ThreadList({ box, customerId }: { box: MessageBox; customerId?: string }) {
  const { t, i18n } = useTranslation();
  const [cursor, setCursor] = useCursorParam();
  const threads = useThreads({ box, cursor, limit: THREADS_PAGE_SIZE, ...(customerId ? { customerId } : {}) });

  if (threads.isPending) return <Loading />;
  if (threads.isError) return <ErrorAlert error={threads.error} />;
  const { items, total, totalCapped } = threads.data;
  if (items.length === 0) {
    return (
      <Text c="dimmed" py="lg">
        {box === 'inbox' ? t('messages.emptyInbox') : t('messages.emptySent')}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {totalCapped
          ? t('messages.countCapped', { total: new Intl.NumberFormat(i18n.language).format(total) })
          : t('messages.count', { count: total })}
      </Text>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((thread) => (
          <ThreadRow key={thread.id} thread={thread} />
        ))}
      </Stack>
      <CursorPager page={threads.data} onCursor={setCursor} />
    </>
  );
}
