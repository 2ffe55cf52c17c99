import { Alert, Button, Checkbox, Stack, Table } from '@mantine/core';
import { NOTIFICATION_KINDS, type NotificationPreferences } from '@portico/shared/contracts/accounts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { PageLoader } from '@/components/page-loader';
import { errorText } from '@/lib/errors';
import { usePreferences } from '../api/get-preferences';
import { useUpdatePreferences } from '../api/update-preferences';

const CHANNELS = ['email', 'sms'] as const;

/** Which notices go by e-mail and which by SMS. */
export function NotificationPreferencesForm() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  if (preferences.isPending) return <PageLoader />;
  if (preferences.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(t, preferences.error)}
      </Alert>
    );
  }
  return <PreferencesGrid initial={preferences.data} />;
}

function PreferencesGrid({ initial }: { initial: NotificationPreferences }) {
  const { t } = useTranslation();
  const update = useUpdatePreferences();
  const [value, setValue] = useState(initial);

  const toggle = (kind: keyof NotificationPreferences, channel: (typeof CHANNELS)[number], checked: boolean) => {
    update.reset();
    setValue((v) => ({ ...v, [kind]: { ...v[kind], [channel]: checked } }));
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(value);
      }}
      noValidate
    >
      <Stack gap="sm">
        <FormError error={update.error} />
        <Table maw={420} verticalSpacing="xs">
          <caption className="visually-hidden">{t('settings.notifications.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('settings.notifications.kind')}</Table.Th>
              {CHANNELS.map((channel) => (
                <Table.Th key={channel} scope="col" ta="center">
                  {t(`settings.notifications.channel.${channel}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {NOTIFICATION_KINDS.map((kind) => (
              <Table.Tr key={kind}>
                <Table.Th scope="row" fw={400}>
                  {t(`settings.notifications.kinds.${kind}`)}
                </Table.Th>
                {CHANNELS.map((channel) => (
                  <Table.Td key={channel}>
                    <Checkbox
                      styles={{ body: { justifyContent: 'center' } }}
                      aria-label={t(`settings.notifications.by.${channel}`, { kind: t(`settings.notifications.kinds.${kind}`) })}
                      checked={value[kind][channel]}
                      onChange={(event) => toggle(kind, channel, event.currentTarget.checked)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <div aria-live="polite">
          {update.isSuccess && (
            <Alert color="green" variant="light">
              {t('settings.notifications.saved')}
            </Alert>
          )}
        </div>
        <div>
          <Button type="submit" loading={update.isPending}>
            {t('settings.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
