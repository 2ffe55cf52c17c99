import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { LeaseList } from '@/features/leases/components/lease-list';

/** Admins and managers manage leases; finance reads them. */
export const canManageLeases = (role: string | undefined) => role === 'admin' || role === 'manager';

export function LeasesRoute() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageHeading title={t('leases.title')} />
        {canManageLeases(me.data?.role) && (
          <Button component={Link} to="/leases/new">
            {t('leases.new')}
          </Button>
        )}
      </Group>
      <LeaseList />
    </>
  );
}
