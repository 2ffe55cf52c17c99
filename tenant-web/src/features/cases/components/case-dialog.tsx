import { Group, Paper, Text } from '@mantine/core';
import type { CaseEvent } from '@portico/shared/contracts/cases';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { AttachmentLinks } from './attachment-links';

/** Seed 001: the dialog where the landlord asks follow-up questions or confirms times, and the tenant answers. */
export function CaseDialog({ events }: { events: CaseEvent[] }) {
  const { t, i18n } = useTranslation();
  const replies = events.filter((e) => e.kind === 'public_reply').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (!replies.length) return <Text c="gray.7">{t('case.dialog.empty')}</Text>;

  return (
    <ol className="message-list">
      {replies.map((reply) => (
        <li key={reply.id}>
          <Paper component="article" withBorder p="md" mb="sm" bg={reply.authorKind === 'tenant' ? 'gray.0' : undefined}>
            <Group justify="space-between" gap="xs" mb="xs" align="baseline">
              <Text fw={700} component="h3" size="md" m={0}>
                {reply.authorName}
                {reply.authorKind === 'staff' && (
                  <Text component="span" fw={400} size="sm" c="gray.7">
                    {' '}
                    {t('case.dialog.staff')}
                  </Text>
                )}
              </Text>
              <Text size="sm" c="gray.7" component="time" dateTime={reply.createdAt}>
                {formatDateTime(reply.createdAt, i18n.language)}
              </Text>
            </Group>
            {reply.body && <div className="message-body">{reply.body}</div>}
            {reply.attachments.length > 0 && (
              <Group mt="sm">
                <AttachmentLinks attachments={reply.attachments} label={t('case.attachments')} />
              </Group>
            )}
          </Paper>
        </li>
      ))}
    </ol>
  );
}
