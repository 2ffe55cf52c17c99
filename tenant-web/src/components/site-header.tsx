import { Button, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** Page header: portal name, optional navigation and controls (switcher, language, sign out). */
export function SiteHeader({
  landlordName,
  controls,
  showNav,
  onSignOut,
  signingOut,
}: {
  landlordName?: string | undefined;
  controls: ReactNode;
  showNav: boolean;
  onSignOut?: (() => void) | undefined;
  signingOut?: boolean;
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
            <NavLink to="/messages">{t('nav.messages')}</NavLink>
          </nav>
        )}
      </Container>
    </header>
  );
}
