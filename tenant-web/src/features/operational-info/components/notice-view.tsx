import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { RichText } from '@/components/rich-text';
import { formatDateTime } from '@/lib/format';
import { downloadCalendar, useNotice } from '../api/get-notice';
import { NoticeKindBadge, NoticeWhen } from './notice-card';

const STATE_COLOR = { planned: 'blue.9', current: 'red.9', resolved: 'teal.9' } as const;

/** One notice with its text, the properties it concerns, its history and (planned work) a calendar file. */
export function NoticeView({ customerId, noticeId }: { customerId: string; noticeId: string }) {
  const { t, i18n } = useTranslation('ops');
  const query = useNotice(customerId, noticeId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Alert color="red">{query.error.message}</Alert>;
  const notice = query.data;
  const { state } = notice;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/operational-info" size="sm">
        {t('back')}
      </Anchor>
      <Group gap="xs">
        <NoticeKindBadge kind={notice.kind} />
        <Badge color={STATE_COLOR[state]} variant="filled">
          {t(`state.${state}`)}
        </Badge>
        {notice.urgent && (
          <Badge color="gray.8" variant="filled">
            {t('urgent')}
          </Badge>
        )}
      </Group>
      <Title order={1}>{notice.title}</Title>
      <NoticeWhen notice={notice} />
      {notice.properties.length > 0 && <Text size="sm">{t('concerns', { names: notice.properties.map((p) => p.name).join(', ') })}</Text>}
      <RichText html={notice.bodyHtml} />
      {notice.kind === 'planned_work' && state !== 'resolved' && (
        <Group>
          <Button variant="light" onClick={() => void downloadCalendar(notice.id)}>
            {t('addToCalendar')}
          </Button>
        </Group>
      )}
      <Stack gap="xs" component="section" aria-labelledby="ops-history">
        <Title order={2} size="h3" id="ops-history">
          {t('history.title')}
        </Title>
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {notice.history.map((h) => (
            <li key={h.id}>
              <Text fw={600} size="sm">
                {t(`history.${h.kind}`)}{' '}
                <Text span size="xs" c="dimmed">
                  {formatDateTime(h.createdAt, i18n.language)}
                </Text>
              </Text>
              {h.bodyHtml && <RichText html={h.bodyHtml} />}
            </li>
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}
