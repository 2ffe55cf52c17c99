import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { DocumentList } from '@/features/documents/components/document-list';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seed 004 "Dokumenter": what the landlord filed for the customer, its leases and its properties (download only). */
export function DocumentsRoute() {
  const { t, ready } = useTranslation('documents');
  const { t: tPortal } = useTranslation();
  usePageTitle(ready ? t('portal.title') : '');
  const { membership } = useOutletContext<PortalOutletContext>();
  if (!ready) return <PageLoader />;
  return (
    <Stack gap="md">
      <Title order={1}>{t('portal.title')}</Title>
      <Text c="gray.7">{t('portal.intro')}</Text>
      {!membership ? (
        <Alert color="yellow" variant="light" role="status">
          {tPortal('cases.noCustomer')}
        </Alert>
      ) : (
        <DocumentList customerId={membership.customerId} />
      )}
    </Stack>
  );
}
