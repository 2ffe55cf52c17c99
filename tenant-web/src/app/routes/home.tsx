import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { LandlordHome } from '@/features/landlord/components/landlord-home';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** The tenant's Home (seed 001): the landlord's useful links and support contacts. */
export function HomeRoute() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const { membership } = useOutletContext<PortalOutletContext>();
  return (
    <Stack gap="md">
      <Title order={1}>{t('home.title')}</Title>
      {membership && <LandlordHome key={membership.customerId} customerId={membership.customerId} />}
    </Stack>
  );
}
