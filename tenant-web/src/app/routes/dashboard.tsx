import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext, useSearchParams } from 'react-router';
import { DashboardView } from '@/features/dashboard/components/dashboard-view';
import { dashboardFromParams, dashboardToParams } from '@/features/dashboard/utils/dashboard-filters';
import { canSeeDashboard } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seed 003 Dashboard, for main administrators (like invoices, seed 002). */
export function DashboardRoute() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const { membership } = useOutletContext<PortalOutletContext>();
  const [params, setParams] = useSearchParams();
  const filters = dashboardFromParams(params);

  return (
    <Stack gap="md">
      <Title order={1}>{t('dashboard.title')}</Title>
      {!membership || !canSeeDashboard(membership.role) ? (
        <Alert color="yellow" variant="light" role="status">
          {t('dashboard.notAllowed')}
        </Alert>
      ) : (
        <DashboardView
          customerId={membership.customerId}
          filters={filters}
          onChange={(next) => setParams(dashboardToParams(next), { replace: true })}
        />
      )}
    </Stack>
  );
}
