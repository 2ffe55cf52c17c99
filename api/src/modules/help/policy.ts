import type { StaffActor } from '../../actors';

/** Issue 12: admins and managers read and write the help centre; finance and technicians do not. */
export const canManageHelp = (actor: StaffActor) => actor.role === 'admin' || actor.role === 'manager';
