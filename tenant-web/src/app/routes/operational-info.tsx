import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { NoticeList } from '@/features/operational-info/components/notice-list';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seed 002 "Driftinformation": current and planned notices for the customer's properties (every role). */
export function OperationalInfoRoute() {
  const { t, ready } = useTranslation('ops');
  const { t: tPortal } = useTranslation();
  usePageTitle(ready ? t('title') : '');
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
        <NoticeList customerId={membership.customerId} />
      )}
    </Stack>
  );
}
