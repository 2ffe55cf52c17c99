import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';

/**
 * The settings area: the landlord's settings, staff, imports and the integrators' pages share one
 * entry in the main navigation and a second row of links here, so the main navigation stays one
 * short row on a phone. Each page still guards its own role (role-gate.tsx).
 */
export function SettingsLayout() {
  // The API-keys label lives in the `integrations` namespace (issue 10).
  const { t } = useTranslation(['console', 'integrations']);
  const role = useMe().data?.role;
  const admin = role === 'admin';
  const manages = admin || role === 'manager';
  const links = [
    { to: '/settings', label: t('nav.general'), show: true },
    { to: '/staff', label: t('nav.staff'), show: admin },
    { to: '/imports', label: t('nav.imports'), show: manages },
    { to: '/settings/api-keys', label: t('integrations:nav'), show: admin },
    { to: '/settings/webhooks', label: t('nav.webhooks'), show: manages },
  ].filter((link) => link.show);
  return (
    <>
      {links.length > 1 && (
        <Box component="nav" aria-label={t('nav.settingsSections')} className="sub-nav" mb="md">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.to === '/settings'}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </Box>
      )}
      <Outlet />
    </>
  );
}
