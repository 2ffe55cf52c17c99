import { Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The public pages' header (sign-in, password reset, invitations) and the portal's while it loads:
 * the portal's name, or the landlord's logo and name when the page knows the landlord
 * (`/login?landlord=<id>`), and the controls (the language picker). The signed-in portal uses AppShell.
 */
export function SiteHeader({
  controls,
  brand,
}: {
  controls: ReactNode;
  /** The landlord's branding, when known (issue 12 SHELL). */
  brand?: { displayName: string; brandColour: string | null; logoUrl: string | null } | null | undefined;
}) {
  const { t } = useTranslation();
  const colour = brand?.brandColour ?? null;
  return (
    <header className="site-header" data-branded={colour ? 'true' : undefined} style={colour ? { background: colour } : undefined}>
      <Container size="lg" py="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="nowrap">
            {brand?.logoUrl && <img src={brand.logoUrl} alt="" className="app-logo" />}
            <Text component="p" fw={700} size="lg" m={0}>
              {brand ? brand.displayName : t('appName')}
            </Text>
          </Group>
          <Group gap="xs" wrap="wrap">
            {controls}
          </Group>
        </Group>
      </Container>
    </header>
  );
}
