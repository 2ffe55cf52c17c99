import type { PortalRole } from '@portico/shared/contracts/auth';

/**
 * Every role and its rank: main_admin > admin > user (seed 002). Typed against the contract, so a new
 * role fails the typecheck until it is ranked here; a type-only import keeps zod off the sign-in page.
 */
const RANK: Record<PortalRole, number> = { main_admin: 3, admin: 2, user: 1 };

/** Highest first. */
export const PORTAL_ROLES: readonly PortalRole[] = (Object.keys(RANK) as PortalRole[]).sort((a, b) => RANK[b] - RANK[a]);

/** The roles someone with `role` may give: their own and those below it. */
export function rolesAtOrBelow(role: PortalRole): PortalRole[] {
  return PORTAL_ROLES.filter((r) => RANK[r] <= RANK[role]);
}

export function isAtOrBelow(role: PortalRole, ceiling: PortalRole): boolean {
  return RANK[role] <= RANK[ceiling];
}

/** Organisation: main administrators and administrators. */
export function canManageOrganisation(role: PortalRole | null | undefined): boolean {
  return role === 'main_admin' || role === 'admin';
}

/** Invoices: main administrators only. */
export function canSeeInvoices(role: PortalRole | null | undefined): boolean {
  return role === 'main_admin';
}

/** Dashboard (case statistics): main administrators only, like invoices (seeds 002/003). */
export function canSeeDashboard(role: PortalRole | null | undefined): boolean {
  return role === 'main_admin';
}
