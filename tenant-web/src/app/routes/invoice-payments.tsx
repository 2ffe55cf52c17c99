import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { MoneyTabs } from '@/components/money-tabs';
import { PaymentTable } from '@/features/payments/components/payment-table';
import { canSeeInvoices } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seed 001 "Inbetalningar": the customer's payments (main administrators; e-ID where the landlord demands it). */
export function InvoicePaymentsRoute() {
  const { t } = useTranslation('money');
  usePageTitle(t('payments.title'));
  const { me, membership } = useOutletContext<PortalOutletContext>();
  return (
    <Stack gap="md">
      <Title order={1}>{t('payments.title')}</Title>
      <MoneyTabs />
      {!membership || !canSeeInvoices(membership.role) ? (
        <Alert color="yellow" variant="light" role="status">
          {t('payments.notAllowed')}
        </Alert>
      ) : (
        <PaymentTable
          customerId={membership.customerId}
          needsStrongAuth={membership.landlord.invoicesRequireStrongAuth && !me.strongAuth}
        />
      )}
    </Stack>
  );
}
