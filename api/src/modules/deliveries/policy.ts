import type { StaffActor } from '../../actors';

/**
 * Administrators and managers send messages and related cases, so they see how each e-mail and
 * SMS went and may send a failed one again. Finance and technicians do not write to tenants.
 */
export const canManageDeliveries = (actor: StaffActor) => actor.role === 'admin' || actor.role === 'manager';
