import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { RecordHistory } from '@/features/history/components/record-history';
import { StaffDetails } from '@/features/staff/components/staff-details';

export function StaffUserRoute() {
  const { t } = useTranslation();
  const { staffId = '' } = useParams();
  const me = useMe();
  return (
    <>
      <PageHeading title={t('staff.title')} />
      <Stack gap="xl">
        <Anchor component={Link} to="/staff">
          ← {t('staff.back')}
        </Anchor>
        <StaffDetails key={staffId} staffId={staffId} selfId={me.data?.id} />
        <RecordHistory recordType="staff_user" recordId={staffId} />
      </Stack>
    </>
  );
}
