import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ThreadDetail } from '@portico/shared/contracts/messaging';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFileSize, leaseLabel } from '@/lib/format';
import { ReplyForm } from './reply-form';

export function ThreadView({ thread }: { thread: ThreadDetail }) {
  const { t, i18n } = useTranslation();
  const replyHeadingId = useId();
  const messagesHeadingId = useId();

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {thread.subject}
        </Title>
        <Text c="gray.7" size="sm">
          {t('thread.lease', { lease: leaseLabel(t, thread.lease) })}
        </Text>
      </div>
      <section aria-labelledby={messagesHeadingId}>
        <h2 id={messagesHeadingId} className="visually-hidden">
          {t('thread.messagesHeading')}
        </h2>
        <ol className="message-list">
          {thread.messages.map((message) => (
            <li key={message.id}>
              <Paper component="article" withBorder p="md" mb="sm" bg={message.authorKind === 'tenant' ? 'gray.0' : undefined}>
                <Group justify="space-between" gap="xs" mb="xs" align="baseline">
                  <Text fw={700} component="h3" size="md" m={0}>
                    {message.authorName}
                  </Text>
                  <Text size="sm" c="gray.7" component="time" dateTime={message.createdAt}>
                    {formatDateTime(message.createdAt, i18n.language)}
                  </Text>
                </Group>
                <div className="message-body">{message.body}</div>
                {message.attachments.length > 0 && (
                  <Stack
                    gap={4}
                    mt="sm"
                    component="ul"
                    aria-label={t('thread.attachments')}
                    style={{ listStyle: 'none', padding: 0, margin: 0 }}
                  >
                    {message.attachments.map((a) => (
                      <li key={a.id}>
                        <Anchor href={`/api/v1/portal/attachments/${a.id}`} target="_blank" rel="noopener">
                          {t('thread.attachment', { name: a.filename, size: formatFileSize(a.size, i18n.language) })}
                        </Anchor>
                      </li>
                    ))}
                  </Stack>
                )}
              </Paper>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby={replyHeadingId}>
        <Title order={2} size="h3" id={replyHeadingId} mb="sm">
          {t('thread.replyHeading')}
        </Title>
        <ReplyForm threadId={thread.id} />
      </section>
    </Stack>
  );
}
