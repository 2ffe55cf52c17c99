import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { PortalNotice } from '@portico/shared/contracts/content';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';

/** Filled badges in colours that pass axe's contrast check. */
const KIND_COLOR = { disruption: 'red.9', planned_work: 'blue.9' } as const;

export function NoticeKindBadge({ kind }: { kind: PortalNotice['kind'] }) {
  const { t } = useTranslation('ops');
  return (
    <Badge color={KIND_COLOR[kind]} variant="filled">
      {t(`kind.${kind}`)}
    </Badge>
  );
}

export function NoticeWhen({ notice }: { notice: Pick<PortalNotice, 'startsAt' | 'endsAt'> }) {
  const { t, i18n } = useTranslation('ops');
  const start = formatDateTime(notice.startsAt, i18n.language);
  return (
    <Text size="sm" c="dimmed">
      {notice.endsAt ? t('fromTo', { start, end: formatDateTime(notice.endsAt, i18n.language) }) : t('from', { start })}
    </Text>
  );
}

/** One notice in a list: kind, urgency, dates, the tenant's properties it concerns and a link to it. */
export function NoticeCard({ notice, headingLevel = 3 }: { notice: PortalNotice; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation('ops');
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`notice-${notice.id}`}>
      <Stack gap={6}>
        <Group gap="xs">
          <NoticeKindBadge kind={notice.kind} />
          {notice.urgent && (
            <Badge color="gray.8" variant="filled">
              {t('urgent')}
            </Badge>
          )}
        </Group>
        <Title order={headingLevel} size="h4" id={`notice-${notice.id}`}>
          <Anchor component={Link} to={`/operational-info/${notice.id}`} inherit>
            {notice.title}
          </Anchor>
        </Title>
        <NoticeWhen notice={notice} />
        {notice.properties.length > 0 && <Text size="sm">{t('concerns', { names: notice.properties.map((p) => p.name).join(', ') })}</Text>}
      </Stack>
    </Paper>
  );
}
