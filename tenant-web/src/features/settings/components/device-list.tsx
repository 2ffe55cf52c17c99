import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { DeviceSession } from '@portico/shared/contracts/accounts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { errorText } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useSessions } from '../api/get-sessions';
import { useRevokeSession } from '../api/revoke-session';

/** "Chrome på Linux": the API names the browser and system; the words around them are the reader's language. */
function deviceName(t: TFunction, session: DeviceSession) {
  const { browser, os } = session;
  if (browser && os) return t('settings.devices.label', { browser, os });
  if (browser) return t('settings.devices.labelNoOs', { browser });
  if (os) return t('settings.devices.labelNoBrowser', { os });
  return t('settings.devices.unknown');
}

/** The devices signed in to this account; any other one can be signed out. */
export function DeviceList() {
  const { t, i18n } = useTranslation();
  const sessions = useSessions();
  const revoke = useRevokeSession();

  if (sessions.isPending) return <PageLoader />;
  if (sessions.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(t, sessions.error)}
      </Alert>
    );
  }

  return (
    <Stack gap="sm">
      <div aria-live="polite">
        {revoke.isError && (
          <Alert color="red" variant="light" title={t('error.title')}>
            {errorText(t, revoke.error)}
          </Alert>
        )}
        {revoke.isSuccess && (
          <Alert color="green" variant="light">
            {t('settings.devices.signedOut')}
          </Alert>
        )}
      </div>
      <ul className="plain-list">
        {sessions.data.items.map((session) => (
          <li key={session.id}>
            <Paper withBorder p="sm" radius="md">
              <Group justify="space-between" gap="sm">
                <Stack gap={4} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                  <Text fw={600} className="break-anywhere">
                    {deviceName(t, session)}
                  </Text>
                  <Text size="sm" c="gray.7">
                    {t('settings.devices.lastUsed')}{' '}
                    <time dateTime={session.lastUsedAt}>{formatDateTime(session.lastUsedAt, i18n.language)}</time>
                  </Text>
                  {(session.current || session.remembered) && (
                    <Group gap="xs">
                      {session.current && (
                        <Badge color="blue" variant="light" c="gray.9" size="sm">
                          {t('settings.devices.current')}
                        </Badge>
                      )}
                      {session.remembered && (
                        <Badge color="gray" variant="light" c="gray.9" size="sm">
                          {t('settings.devices.remembered')}
                        </Badge>
                      )}
                    </Group>
                  )}
                </Stack>
                {!session.current && (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('settings.devices.signOutDevice', { device: deviceName(t, session) })}
                    loading={revoke.isPending && revoke.variables?.sessionId === session.id}
                    onClick={() => revoke.mutate({ sessionId: session.id })}
                  >
                    {t('settings.devices.signOut')}
                  </Button>
                )}
              </Group>
            </Paper>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
