import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';

export type SubNavLink = { to: string; label: string; end?: boolean };

/** An area's second row of links (billing, content). On a phone the row scrolls sideways and keeps the current page's link in view. */
export function SubNav({ label, links }: { label: string; links: SubNavLink[] }) {
  const { pathname } = useLocation();
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    if (pathname) nav.current?.querySelector('a[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <Box component="nav" ref={nav} aria-label={label} className="sub-nav" mb="md">
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
  );
}
