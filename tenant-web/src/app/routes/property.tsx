import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext, useSearchParams } from 'react-router';
import { NativePicker } from '@/components/native-picker';
import { PageLoader } from '@/components/page-loader';
import { useProperties } from '@/features/property/api/get-properties';
import { PropertyView } from '@/features/property/components/property-view';
import { errorText } from '@/lib/errors';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seed 002 "om fastigheten" (every role): the property the customer rents in; a picker when there are several. */
export function PropertyRoute() {
  const { t, ready } = useTranslation('documents');
  const { t: tPortal } = useTranslation();
  const { membership } = useOutletContext<PortalOutletContext>();
  const customerId = membership?.customerId ?? '';
  const list = useProperties(customerId);
  const [params, setParams] = useSearchParams();
  const items = list.data?.items ?? [];
  const chosen = items.find((p) => p.id === params.get('property')) ?? items[0];
  usePageTitle(ready ? (chosen?.name ?? t('property.title')) : '');
  if (!ready) return <PageLoader />;
  if (!membership)
    return (
      <Alert color="yellow" variant="light" role="status">
        {tPortal('cases.noCustomer')}
      </Alert>
    );
  if (list.isPending) return <PageLoader />;
  if (list.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(t, list.error)}
      </Alert>
    );
  return (
    <Stack gap="md">
      <Title order={1}>{chosen?.name ?? t('property.title')}</Title>
      {items.length > 1 ? (
        <NativePicker
          label={t('property.choose')}
          value={chosen?.id ?? ''}
          options={items.map((p) => ({ value: p.id, label: `${p.name}, ${p.street}` }))}
          onChange={(id) => setParams({ property: id })}
        />
      ) : null}
      {chosen ? <PropertyView customerId={customerId} propertyId={chosen.id} /> : <Text c="gray.7">{t('property.none')}</Text>}
    </Stack>
  );
}
