import type { Membership } from '@portico/shared/contracts/auth';
import { canManageOrganisation, canSeeDashboard, canSeeInvoices } from './roles';

/** One section of the portal: its path and its label key in portal.json (`nav.*`). */
export interface NavItem {
  to: string;
  label: string;
}

/**
 * Every section the current membership may open (seed 002's matrix), in menu order. A one-person
 * household (a private customer with no other portal member) sees no company features: Organisation
 * and Dashboard (issue 12 §7); a company's main administrator does.
 */
export function navItems(membership: Pick<Membership, 'role' | 'household'> | null | undefined): NavItem[] {
  const role = membership?.role;
  const company = !membership?.household;
  const items: (NavItem | false)[] = [
    { to: '/home', label: 'nav.home' },
    { to: '/messages', label: 'nav.messages' },
    { to: '/cases', label: 'nav.cases' },
    { to: '/operational-info', label: 'nav.operationalInfo' },
    { to: '/news', label: 'nav.news' },
    { to: '/documents', label: 'nav.documents' },
    { to: '/property', label: 'nav.property' },
    { to: '/help', label: 'nav.help' },
    { to: '/leases', label: 'nav.leases' },
    canSeeInvoices(role) && { to: '/invoices', label: 'nav.invoices' },
    company && canManageOrganisation(role) && { to: '/organisation', label: 'nav.organisation' },
    company && canSeeDashboard(role) && { to: '/dashboard', label: 'nav.dashboard' },
    { to: '/settings', label: 'nav.settings' },
  ];
  return items.filter((i): i is NavItem => Boolean(i));
}

/** The phone's bottom tab bar: these three, then "More" (/more) for the rest. */
export const TAB_PATHS = ['/home', '/messages', '/cases'] as const;

/** The section a path belongs to (its first segment), e.g. /cases/123 → /cases. */
export function sectionOf(pathname: string): string {
  return `/${pathname.split('/')[1] ?? ''}`;
}

/** A path the current membership may open, else null (used when switching customer). */
export function allowedSection(membership: Pick<Membership, 'role' | 'household'> | null | undefined, pathname: string): string | null {
  const section = sectionOf(pathname);
  if (section === '/more') return section;
  return navItems(membership).some((i) => i.to === section) ? section : null;
}
