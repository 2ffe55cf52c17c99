import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { SubNav } from '@/components/sub-nav';

/**
 * The money area (issue 11): invoices, billing runs, debt, payments, mandates and the billing
 * settings share one entry in the main navigation and a second row of links here. Admins, finance
 * and managers see it (billing-gate in role-gate.tsx); write actions check the role on each page.
 */
export function BillingLayout() {
  const { t } = useTranslation();
  const links = [
    { to: '/billing', label: t('nav.billingInvoices'), end: true },
    { to: '/billing/runs', label: t('nav.billingRuns') },
    { to: '/billing/aged-debt', label: t('nav.billingAgedDebt') },
    { to: '/billing/payments', label: t('nav.billingPayments') },
    { to: '/billing/unmatched', label: t('nav.billingUnmatched') },
    { to: '/billing/imports', label: t('nav.billingImports') },
    { to: '/billing/mandates', label: t('nav.billingMandates') },
    { to: '/billing/collections', label: t('nav.billingCollections') },
    { to: '/billing/settings', label: t('nav.billingSettings') },
  ];
  return (
    <>
      <SubNav label={t('nav.billingSections')} links={links} />
      <Outlet />
    </>
  );
}
