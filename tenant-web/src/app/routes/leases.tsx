import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { LeaseList } from '@/features/leases/components/lease-list';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seed 001 "Avtal" / seed 002's table: the leases of the customer the person acts for (every role). */
export function LeasesRoute() {
  // The page's strings are a namespace of their own, loaded with the page.
  const { t, ready } = useTranslation('leases');
  const { t: tPortal } = useTranslation();
  usePageTitle(tPortal('nav.leases'));
  const { membership } = useOutletContext<PortalOutletContext>();
  if (!ready) return <PageLoader />;
  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      {!membership ? (
        <Alert color="yellow" variant="light" role="status">
          {tPortal('cases.noCustomer')}
        </Alert>
      ) : (
        <LeaseList customerId={membership.customerId} />
      )}
    </Stack>
  );
}
