import type { StaffActor } from '../../actors';

/**
 * Issue 12: administrators and managers read and write operational notices; finance and
 * technicians do not. In the portal every tenant role sees its properties' notices (seed 002's
 * matrix), so the portal has no rule beyond "the acting customer's properties".
 */
export const canManageNotices = (actor: StaffActor) => actor.role === 'admin' || actor.role === 'manager';
