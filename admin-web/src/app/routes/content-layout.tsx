import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';

/**
 * The portal's content (issue 12): operational notices, news and bulletin posts, help articles and
 * documents share one entry in the main navigation and a second row of links here. Admins and
 * managers (AdminsAndManagers in role-gate.tsx).
 */
export function ContentLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const nav = useRef<HTMLElement>(null);
  // On a phone the row scrolls sideways: keep the current page's link in view.
  useEffect(() => {
    if (pathname) nav.current?.querySelector('a[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  const links = [
    { to: '/content', label: t('nav.contentNotices'), end: true },
    { to: '/content/posts', label: t('nav.contentPosts') },
    { to: '/content/help', label: t('nav.contentHelp') },
    { to: '/content/documents', label: t('nav.contentDocuments') },
  ];
  return (
    <>
      <Box component="nav" ref={nav} aria-label={t('nav.contentSections')} className="sub-nav" mb="md">
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
