import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { MoneyTabs } from '@/components/money-tabs';
import { PageLoader } from '@/components/page-loader';
import { StrongAuthPanel } from '@/features/invoices/components/strong-auth-panel';
import { MandateOverview } from '@/features/mandates/components/mandate-overview';
import { canSeeInvoices } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Invoices → Direct debit (seed 004): the payment agreement per lease; main administrators only. */
export function DirectDebitRoute() {
  const { t, ready } = useTranslation('money');
  const { t: tp } = useTranslation();
  usePageTitle(ready ? t('directDebit.title') : '');
  const { me, membership } = useOutletContext<PortalOutletContext>();
  if (!ready) return <PageLoader />;
  return (
    <Stack gap="md">
      <Title order={1}>{t('directDebit.title')}</Title>
      <MoneyTabs />
      {!membership || !canSeeInvoices(membership.role) ? (
        <Alert color="yellow" variant="light" role="status">
          {tp('invoices.notAllowed')}
        </Alert>
      ) : membership.landlord.invoicesRequireStrongAuth && !me.strongAuth ? (
        <StrongAuthPanel />
      ) : (
        <MandateOverview key={membership.customerId} customerId={membership.customerId} strongAuthPanel={<StrongAuthPanel />} />
      )}
    </Stack>
  );
}
