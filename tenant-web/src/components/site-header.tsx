import { Button, Container, Group, Text } from '@mantine/core';
import type { PortalRole } from '@portico/shared/contracts/auth';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { canManageOrganisation, canSeeDashboard, canSeeInvoices } from '@/lib/roles';

/** Page header: portal name, optional navigation and controls (switcher, language, sign out). */
export function SiteHeader({
  landlordName,
  controls,
  showNav,
  onSignOut,
  signingOut,
  role,
}: {
  landlordName?: string | undefined;
  controls: ReactNode;
  showNav: boolean;
  onSignOut?: (() => void) | undefined;
  signingOut?: boolean;
  /** The user's role in the current customer: decides which sections are offered. */
  role?: PortalRole | undefined;
}) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <Container size="lg" py="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text component="p" fw={700} size="lg" m={0}>
            {landlordName ? t('header.brand', { landlord: landlordName, app: t('appName') }) : t('appName')}
          </Text>
          <Group gap="xs" wrap="wrap">
            {controls}
            {onSignOut && (
              <Button variant="default" size="sm" onClick={onSignOut} loading={signingOut}>
                {t('header.signOut')}
              </Button>
            )}
          </Group>
        </Group>
        {showNav && (
          <nav className="main-nav" aria-label={t('nav.label')}>
            <NavLink to="/home">{t('nav.home')}</NavLink>
            <NavLink to="/messages">{t('nav.messages')}</NavLink>
            <NavLink to="/cases">{t('nav.cases')}</NavLink>
            <NavLink to="/leases">{t('nav.leases')}</NavLink>
            {canSeeDashboard(role) && <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>}
            {canManageOrganisation(role) && <NavLink to="/organisation">{t('nav.organisation')}</NavLink>}
            {canSeeInvoices(role) && <NavLink to="/invoices">{t('nav.invoices')}</NavLink>}
            <NavLink to="/settings">{t('nav.settings')}</NavLink>
          </nav>
        )}
      </Container>
    </header>
  );
}
