import type { PortalRole } from '@portico/shared/contracts/auth';
import type { StaffActor } from '../../actors';
import { canManageMasterData, canReadMasterData } from '../history/policy';
import { canSeeInvoices } from '../organisation/policy';

/** Issue 9: managers (and admins) manage leases, finance reads them (and their signed PDFs), technicians see none. */
export const canReadLeases = (actor: StaffActor) => canReadMasterData(actor);
export const canManageLeases = (actor: StaffActor) => canManageMasterData(actor);

/**
 * Issue 11, the portal: every role of a customer sees its leases (seed 002's "Om fastigheten" is for
 * all), but a lease's money — its rent lines and the signed PDF, which states the rent — follows the
 * invoices' rule: main administrators only, and only after BankID/MitID where the landlord demands it.
 * Null when the person may see it all; else why not.
 */
export function leaseMoneyRestriction(
  member: { role: PortalRole; invoicesRequireStrongAuth: boolean },
  strongAuth: boolean,
): 'role' | 'strong_auth' | null {
  if (!canSeeInvoices(member.role)) return 'role';
  if (member.invoicesRequireStrongAuth && !strongAuth) return 'strong_auth';
  return null;
}
