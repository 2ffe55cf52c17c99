import type { StaffActor } from '../../actors';
import { canUseMessaging } from '../messaging/policy';

/**
 * Whoever writes to tenants (the office roles: admin, manager, finance) sees how each e-mail and
 * SMS went and may send a failed one again; technicians do not write to tenants.
 */
export const canManageDeliveries = (actor: StaffActor) => canUseMessaging(actor);
