import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useOutletContext, useSearchParams } from 'react-router';
import { EidButtons } from '@/components/eid-buttons';
import { LanguagePicker } from '@/components/language-picker';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { EmailChangeForm } from '@/features/auth/components/email-change-form';
import { ProfileForm } from '@/features/auth/components/profile-form';
import { settingsKeys } from '@/features/settings/api/keys';
import { DeviceList } from '@/features/settings/components/device-list';
import { NotificationPreferencesForm } from '@/features/settings/components/notification-preferences-form';
import { errorCodeText } from '@/lib/errors';
import { currentLocale } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="settings-section">
      <Stack gap="sm">
        <Title order={2} id={`${id}-heading`} size="h3">
          {title}
        </Title>
        {children}
      </Stack>
    </section>
  );
}

/** Seed 004 (e-mail with activation, password) and seed 002 (devices, e-ID). */
export function SettingsRoute() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const { me, chooseLocale } = useOutletContext<PortalOutletContext>();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [params] = useSearchParams();
  const eidError = params.get('eidError');
  const eidLinked = (location.state as { notice?: string } | null)?.notice === 'eidLinked';

  return (
    <Stack gap="xl">
      <Title order={1}>{t('settings.title')}</Title>

      <Section id="profile" title={t('settings.profile.title')}>
        <ProfileForm key={me.id} me={me} />
      </Section>

      <Section id="email" title={t('settings.email.title')}>
        <EmailChangeForm me={me} />
      </Section>

      <Section id="password" title={t('settings.password.title')}>
        <ChangePasswordForm onChanged={() => void queryClient.invalidateQueries({ queryKey: settingsKeys.sessions() })} />
      </Section>

      <Section id="language" title={t('settings.language.title')}>
        <Text size="sm" c="gray.7">
          {t('settings.language.hint')}
        </Text>
        <div style={{ maxWidth: 240 }}>
          <LanguagePicker value={currentLocale()} onChange={chooseLocale} />
        </div>
      </Section>

      <Section id="notifications" title={t('settings.notifications.title')}>
        <Text size="sm" c="gray.7">
          {t('settings.notifications.hint')}
        </Text>
        <NotificationPreferencesForm />
      </Section>

      <Section id="devices" title={t('settings.devices.title')}>
        <Text size="sm" c="gray.7">
          {t('settings.devices.hint')}
        </Text>
        <DeviceList />
      </Section>

      <Section id="eid" title={t('settings.eid.title')}>
        {eidLinked && (
          <Alert color="green" variant="light" role="status">
            {t('settings.eid.linked')}
          </Alert>
        )}
        {eidError && (
          <Alert color="red" variant="light" role="alert" title={t('eid.failedTitle')}>
            {errorCodeText(t, eidError)}
          </Alert>
        )}
        <Group gap="xs">
          <Text>{t('settings.eid.status')}</Text>
          <Badge color={me.identityVerified ? 'green' : 'gray'} variant="light" c="gray.9">
            {me.identityVerified ? t('settings.eid.verified') : t('settings.eid.notVerified')}
          </Badge>
        </Group>
        <Text size="sm" c="gray.7">
          {t('settings.eid.hint')}
        </Text>
        <EidButtons intent="link" returnTo="/settings" />
      </Section>
    </Stack>
  );
}
