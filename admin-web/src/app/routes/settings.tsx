import { Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { authKeys } from '@/features/auth/api/query-keys';
import { useStaff } from '@/features/cases/api/get-staff';
import { RecordHistory } from '@/features/history/components/record-history';
import { CaseRoutingForm } from '@/features/settings/components/case-routing-form';
import { SettingsForm } from '@/features/settings/components/settings-form';

export function SettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const staff = useStaff();
  const queryClient = useQueryClient();
  const canEdit = me.data?.role === 'admin';
  return (
    <>
      <PageHeading title={t('settings.title')} />
      <Stack gap="xl">
        <SettingsForm canEdit={canEdit} onSaved={() => void queryClient.invalidateQueries({ queryKey: authKeys.me() })} />
        <CaseRoutingForm canEdit={canEdit} staff={staff.data?.items ?? []} />
        {canEdit && me.data && <RecordHistory recordType="settings" recordId={me.data.landlord.id} />}
      </Stack>
    </>
  );
}
