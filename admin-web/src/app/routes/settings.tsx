import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { authKeys } from '@/features/auth/api/query-keys';
import { SettingsForm } from '@/features/settings/components/settings-form';

export function SettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeading title={t('settings.title')} />
      <SettingsForm canEdit={me.data?.role === 'admin'} onSaved={() => void queryClient.invalidateQueries({ queryKey: authKeys.me() })} />
    </>
  );
}
