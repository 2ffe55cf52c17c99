import type { PortalRole } from '@portico/shared/contracts/auth';

/** Seed 002's matrix, held on the server. */
export const ROLE_RANK: Record<PortalRole, number> = { user: 1, admin: 2, main_admin: 3 };

/** Main administrators and administrators manage the organisation's users. */
export const canManageUsers = (role: PortalRole) => ROLE_RANK[role] >= ROLE_RANK.admin;

/** "Kan endast lägga till roller som är samma eller lägre": a role at or below one's own. */
export const canGrant = (actorRole: PortalRole, role: PortalRole) => ROLE_RANK[role] <= ROLE_RANK[actorRole];

/** Only main administrators see invoices. */
export const canSeeInvoices = (role: PortalRole) => role === 'main_admin';
