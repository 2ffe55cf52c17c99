import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';

/**
 * The money area (issue 11): invoices, billing runs, debt, payments, mandates and the billing
 * settings share one entry in the main navigation and a second row of links here. Admins, finance
 * and managers see it (billing-gate in role-gate.tsx); write actions check the role on each page.
 */
export function BillingLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const nav = useRef<HTMLElement>(null);
  // On a phone the row scrolls sideways: keep the current page's link in view.
  useEffect(() => {
    if (pathname) nav.current?.querySelector('a[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
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
      <Box component="nav" ref={nav} aria-label={t('nav.billingSections')} className="sub-nav" mb="md">
        <ul>
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </Box>
      <Outlet />
    </>
  );
}
