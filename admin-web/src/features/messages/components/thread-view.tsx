import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Message } from '@portico/shared/contracts/messaging';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AttachmentLinks } from '@/components/attachment-links';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { usePageTitle } from '@/components/page-heading';
import { formatDateTime } from '@/lib/i18n';
import { useThread } from '../api/get-thread';
import { useMarkThreadRead } from '../api/mark-thread-read';
import { DeliveryBadge } from './delivery-badge';
import { ReplyForm } from './reply-form';

function MessageItem({ message }: { message: Message }) {
  const { t } = useTranslation();
  const fromStaff = message.authorKind === 'staff';
  return (
    <Paper component="li" withBorder p="md" radius="sm" className={fromStaff ? 'message message--staff' : 'message'}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Group gap="xs">
          <Text fw={600} component="span">
            {message.authorName}
          </Text>
          <Badge variant="outline" color="gray.8" size="sm">
            {fromStaff ? t('thread.fromStaff') : t('thread.fromTenant')}
          </Badge>
        </Group>
        <Group gap="xs">
          <Text size="sm" c="dimmed" component="time" dateTime={message.createdAt}>
            {formatDateTime(message.createdAt)}
          </Text>
          {fromStaff && message.delivery && <DeliveryBadge state={message.delivery} messageId={message.id} />}
        </Group>
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message.body}</Text>
      <AttachmentLinks attachments={message.attachments} />
    </Paper>
  );
}

export function ThreadView({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const thread = useThread(threadId);
  usePageTitle(thread.data?.subject ?? t('thread.title'));

  // Shown with something unread: mark it read (which refreshes the lists and the unread count).
  const { mutate: markRead } = useMarkThreadRead();
  const unread = thread.data?.unread === true;
  const loadedAt = thread.dataUpdatedAt;
  useEffect(() => {
    if (unread && loadedAt) markRead(threadId);
  }, [unread, loadedAt, threadId, markRead]);

  if (thread.isPending) return <Loading />;
  if (thread.isError)
    return (
      <>
        <Title order={1} size="h2" mb="md">
          {t('thread.title')}
        </Title>
        <ErrorAlert error={thread.error} />
      </>
    );

  const data = thread.data;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/messages" size="sm">
          {t('thread.back')}
        </Anchor>
        <Title order={1} size="h2" mt="xs" style={{ overflowWrap: 'anywhere' }}>
          {data.subject}
        </Title>
        <Text mt={4}>
          <Text span c="dimmed">
            {t('thread.customer')}:{' '}
          </Text>
          <Anchor component={Link} to={`/customers/${data.customer.id}`}>
            {data.customer.name}
          </Anchor>
        </Text>
        <Text>
          <Text span c="dimmed">
            {t('thread.lease')}:{' '}
          </Text>
          {data.lease.number} · {data.lease.address}
        </Text>
      </div>
      {!data.customerHasPortalUser && (
        <Alert color="blue" variant="light" title={t('thread.noPortalUserTitle')}>
          {t('thread.noPortalUser')}
        </Alert>
      )}
      <section>
        <Title order={2} size="h4" mb="sm">
          {t('thread.messagesHeading', { count: data.messages.length })}
        </Title>
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.messages.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </Stack>
      </section>
      <ReplyForm threadId={threadId} />
    </Stack>
  );
}
