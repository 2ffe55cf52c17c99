import type { StaffActor } from '../../actors';
import { canManageOrganisation } from '../history/policy';

/** Staff users are the admin's alone (issue 9): list, invite, change role, deactivate, reactivate. */
export const canManageStaff = (actor: StaffActor) => canManageOrganisation(actor);

/**
 * What an admin may not do to themself: deactivate their own account or change their own role
 * (an admin who demotes themself could lock the organisation out of its settings by accident).
 */
export function selfChangeRefused(actor: StaffActor, targetId: string, change: { role?: string; deactivate?: boolean }) {
  if (actor.id !== targetId) return false;
  return Boolean(change.deactivate) || (change.role !== undefined && change.role !== actor.role);
}
