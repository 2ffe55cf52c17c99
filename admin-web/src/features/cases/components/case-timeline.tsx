import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CaseEvent } from '@portico/shared/contracts/cases';
import { useTranslation } from 'react-i18next';
import { AttachmentLinks } from '@/components/attachment-links';
import { formatDateTime } from '@/lib/i18n';

function EventItem({ event, dialogWith }: { event: CaseEvent; dialogWith?: string }) {
  const { t } = useTranslation();
  const internal = event.kind === 'internal_note';
  const className = internal
    ? 'case-event case-event--internal'
    : event.authorKind === 'staff'
      ? 'case-event message--staff'
      : 'case-event';
  const summary =
    event.kind === 'status_changed' && event.toStatus
      ? event.fromStatus
        ? t('cases.timeline.statusChanged', { from: t(`cases.status.${event.fromStatus}`), to: t(`cases.status.${event.toStatus}`) })
        : t('cases.timeline.statusSet', { to: t(`cases.status.${event.toStatus}`) })
      : t(`cases.timeline.kind.${event.kind}`);
  return (
    <Paper component="li" withBorder p="md" radius="sm" className={className}>
      <Group justify="space-between" gap="xs" mb={event.body || event.attachments.length > 0 ? 'xs' : 0} wrap="wrap">
        <Group gap="xs">
          <Text fw={600} component="span">
            {event.authorName}
          </Text>
          {internal ? (
            <Badge color="yellow.3" variant="filled" size="sm" tt="none" autoContrast>
              {t('cases.timeline.internalNote')}
            </Badge>
          ) : (
            <Badge variant="outline" color="gray.8" size="sm" tt="none">
              {t(`cases.timeline.author.${event.authorKind}`)}
            </Badge>
          )}
          {dialogWith && (
            <Badge variant="light" color="blue.9" size="sm" tt="none">
              {t('cases.timeline.dialogWith', { name: dialogWith })}
            </Badge>
          )}
          {!internal && event.kind !== 'public_reply' && (
            <Text component="span" size="sm">
              {summary}
            </Text>
          )}
        </Group>
        <Text size="sm" c="dimmed" component="time" dateTime={event.createdAt}>
          {formatDateTime(event.createdAt)}
        </Text>
      </Group>
      {event.body && <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{event.body}</Text>}
      <AttachmentLinks attachments={event.attachments} />
    </Paper>
  );
}

/**
 * Everything that happened, oldest first; internal notes stand out and say so in words. On a
 * property-wide related case an entry of one recipient's own dialog names that customer.
 */
export function CaseTimeline({ events, customerNames }: { events: CaseEvent[]; customerNames?: Map<string, string> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="timeline-heading">
      <Title order={2} size="h4" id="timeline-heading" mb="sm">
        {t('cases.timeline.heading', { count: events.length })}
      </Title>
      {events.length === 0 ? (
        <Text c="dimmed">{t('cases.timeline.empty')}</Text>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {events.map((event) => (
            <EventItem key={event.id} event={event} dialogWith={event.customerId ? customerNames?.get(event.customerId) : undefined} />
          ))}
        </Stack>
      )}
    </section>
  );
}
