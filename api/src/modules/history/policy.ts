import type { RecordType } from '@portico/shared/contracts/records';
import type { StaffActor } from '../../actors';

/**
 * Issue 9's roles for landlord data: managers (and admins) manage properties, units, customers and
 * leases; finance reads them; technicians see none of it. Staff users and the landlord's settings
 * are the admin's alone. The record modules' policies build on these two rules, so one table test
 * (policy.test.ts) pins them for all.
 */
export const canReadMasterData = (actor: StaffActor) => actor.role !== 'technician';
export const canManageMasterData = (actor: StaffActor) => actor.role === 'admin' || actor.role === 'manager';
export const canManageOrganisation = (actor: StaffActor) => actor.role === 'admin';

/** Whoever may read a record may read its history; staff users' and settings' history is the admin's. */
export function canReadHistory(actor: StaffActor, recordType: RecordType): boolean {
  if (recordType === 'staff_user' || recordType === 'settings') return canManageOrganisation(actor);
  return canReadMasterData(actor);
}
