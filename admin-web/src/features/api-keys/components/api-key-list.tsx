import { Alert, Badge, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApiKey, ApiKeyStatus } from '@portico/shared/contracts/api-keys';
import type { ApiScope } from '@portico/shared/contracts/api-scopes';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { formatDate, formatDateTime } from '@/lib/i18n';
import { useRevokeApiKey } from '../api/change-api-key';
import { useApiKeys } from '../api/get-api-keys';

export const API_KEY_PAGE_SIZE = 25;

// Active stands out (filled green, white text); a key that no longer works is outlined grey. Both pass axe's contrast
// check (this theme's light variant of a dark grey or red shade fills the badge and loses the text).
const statusBadge: Record<ApiKeyStatus, { variant: 'filled' | 'outline'; color: string }> = {
  active: { variant: 'filled', color: 'teal.9' },
  expired: { variant: 'outline', color: 'gray.8' },
  revoked: { variant: 'outline', color: 'gray.8' },
};

function ScopeBadge({ scope }: { scope: ApiScope }) {
  const { t } = useTranslation(['integrations']);
  const [area, access] = scope.split(':') as [string, 'read' | 'write'];
  return (
    <Badge variant="outline" color="gray.8" size="sm" tt="none">
      {t(`scope.${access}`, { area: t(`areas.${area}`) })}
    </Badge>
  );
}

/** An inline "are you sure": revoking stops every integration using the key at once. */
function RevokeConfirm({ apiKey, onDone }: { apiKey: ApiKey; onDone: () => void }) {
  const { t } = useTranslation(['integrations']);
  const revoke = useRevokeApiKey();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const message = t('list.revokeConfirm', { name: apiKey.name });
  return (
    <Alert color="red" variant="light" ref={ref} tabIndex={-1} role="alertdialog" aria-label={message}>
      <Text size="sm" mb="xs">
        {message}
      </Text>
      <ErrorAlert error={revoke.error} />
      <Group gap="xs">
        <Button size="xs" color="red.8" loading={revoke.isPending} onClick={() => revoke.mutate(apiKey.id, { onSuccess: onDone })}>
          {t('list.revokeConfirmButton')}
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          {t('list.cancel')}
        </Button>
      </Group>
    </Alert>
  );
}

function ApiKeyRow({ apiKey }: { apiKey: ApiKey }) {
  const { t } = useTranslation(['integrations']);
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-testid="api-key-row">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>{apiKey.name}</Text>
            <Code aria-label={t('list.prefix')}>{apiKey.prefix}…</Code>
          </Group>
          <Badge {...statusBadge[apiKey.status]} size="sm">
            {t(`status.${apiKey.status}`)}
          </Badge>
        </Group>
        <Group gap={4} aria-label={t('list.scopes')}>
          {apiKey.scopes.map((scope) => (
            <ScopeBadge key={scope} scope={scope} />
          ))}
        </Group>
        <Text size="sm" c="dimmed">
          {t('list.createdBy', { name: apiKey.createdBy.name, date: formatDate(apiKey.createdAt) })}
          {' · '}
          {apiKey.lastUsedAt ? t('list.lastUsed', { date: formatDateTime(apiKey.lastUsedAt) }) : t('list.neverUsed')}
          {' · '}
          {apiKey.revokedAt
            ? t('list.revokedOn', { date: formatDate(apiKey.revokedAt) })
            : apiKey.expiresAt
              ? t('list.expires', { date: formatDate(apiKey.expiresAt) })
              : t('list.noExpiry')}
        </Text>
        {apiKey.status === 'active' &&
          (confirming ? (
            <RevokeConfirm apiKey={apiKey} onDone={() => setConfirming(false)} />
          ) : (
            <div>
              <Button size="xs" variant="default" color="red.8" onClick={() => setConfirming(true)}>
                {t('list.revoke')}
              </Button>
            </div>
          ))}
      </Stack>
    </Paper>
  );
}

/** The organisation's keys, newest first, in keyset pages (the cursor lives in the URL). */
export function ApiKeyList() {
  const { t, i18n } = useTranslation(['integrations']);
  const [cursor, setCursor] = useCursorParam();
  const keys = useApiKeys({ cursor, limit: API_KEY_PAGE_SIZE });
  return (
    <Stack component="section" aria-labelledby="api-keys-list-title">
      <Title order={2} size="h3" id="api-keys-list-title">
        {t('list.title')}
      </Title>
      {keys.isPending ? (
        <Loading />
      ) : keys.isError ? (
        <ErrorAlert error={keys.error} />
      ) : keys.data.items.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('list.empty')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {keys.data.totalCapped
              ? t('list.countCapped', { total: new Intl.NumberFormat(i18n.language).format(keys.data.total) })
              : t('list.count', { count: keys.data.total })}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {keys.data.items.map((apiKey) => (
              <ApiKeyRow key={apiKey.id} apiKey={apiKey} />
            ))}
          </Stack>
          <CursorPager page={keys.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}
