import { Stack } from '@mantine/core';
import type { StaffRole } from '@portico/shared/contracts/auth';
import type { StaffStatus } from '@portico/shared/contracts/staff';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { InviteStaffForm } from '@/features/staff/components/invite-form';
import { type StaffFilters, StaffList } from '@/features/staff/components/staff-list';

/** Staff (admin only): the invite form and the list; filters live in the URL. */
export function StaffUsersRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: StaffFilters = {
    q: params.get('q') ?? '',
    role: (params.get('role') ?? '') as StaffRole | '',
    status: (params.get('status') ?? '') as StaffStatus | '',
  };
  const onFilters = useCallback(
    (next: StaffFilters) =>
      setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>, { replace: true }),
    [setParams],
  );
  return (
    <>
      <PageHeading title={t('staff.title')} />
      <Stack gap="xl">
        <InviteStaffForm />
        <StaffList filters={filters} onFilters={onFilters} />
      </Stack>
    </>
  );
}
