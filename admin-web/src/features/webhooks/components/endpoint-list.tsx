import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { useEndpoints } from '../api/get-endpoints';
import { EndpointStatusBadge } from './status-badges';

export function EndpointList() {
  const { t } = useTranslation('webhooks');
  const [cursor, setCursor] = useCursorParam();
  const endpoints = useEndpoints({ cursor, limit: 20 });
  return (
    <Stack component="section" aria-labelledby="webhook-endpoints-title" gap="sm">
      <Title order={2} size="h4" id="webhook-endpoints-title">
        {t('list.title')}
      </Title>
      {endpoints.isPending ? (
        <Loading />
      ) : endpoints.isError ? (
        <ErrorAlert error={endpoints.error} />
      ) : endpoints.data.items.length === 0 ? (
        <Text c="dimmed">{t('list.empty')}</Text>
      ) : (
        <>
          <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
            {endpoints.data.items.map((e) => (
              <Paper component="li" key={e.id} withBorder p="sm" radius="sm">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/settings/webhooks/${e.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {e.url}
                  </Anchor>
                  <EndpointStatusBadge endpoint={e} />
                </Group>
                <Text size="sm" c="dimmed">
                  {[e.description, t('list.eventCount', { count: e.eventTypes.length })].filter(Boolean).join(' · ')}
                </Text>
              </Paper>
            ))}
          </Stack>
          <CursorPager page={endpoints.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}
