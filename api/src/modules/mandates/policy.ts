import type { MandateStatus } from '@portico/shared/contracts/billing-core';
import type { StaffActor } from '../../actors';
import { canManageBilling, canReadBilling } from '../billing/policy';

/**
 * Issue 11 §4–5: finance and admins handle mandates (export, activate, reject, cancel, collections);
 * managers read them; technicians see nothing. Tenants go through `assertMaySeeInvoices` (main
 * administrators, after e-ID where the landlord demands it).
 */
export const canReadMandates = (actor: StaffActor) => canReadBilling(actor);
export const canManageMandates = (actor: StaffActor) => canManageBilling(actor);

export type MandateAction = 'activate' | 'reject' | 'cancel';

/**
 * The status a mandate moves to, or null when the action does not apply: only a pending mandate is
 * activated or rejected (the bank's answer to the file); a pending or active one can be cancelled
 * by either side; cancelled and rejected are final.
 */
export function nextMandateStatus(current: MandateStatus, action: MandateAction): MandateStatus | null {
  switch (action) {
    case 'activate':
      return current === 'pending' ? 'active' : null;
    case 'reject':
      return current === 'pending' ? 'rejected' : null;
    case 'cancel':
      return current === 'pending' || current === 'active' ? 'cancelled' : null;
  }
}
