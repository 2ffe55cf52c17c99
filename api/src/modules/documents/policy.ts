import type { PortalRole } from '@portico/shared/contracts/auth';
import type { StaffActor } from '../../actors';

/** Documents (issue 12 §5): admins and managers read and write them; finance and technicians do not. */
export const canManageDocuments = (actor: StaffActor) => actor.role === 'admin' || actor.role === 'manager';

/**
 * Seed 002's matrix for tenants: property documents for every role; a customer's and its leases'
 * documents (a lease's can state the rent) for main administrators and administrators only.
 */
export const seesCustomerDocuments = (role: PortalRole) => role === 'main_admin' || role === 'admin';
