import type { StaffActor } from '../../actors';
import { forbidden } from '../../errors';

/**
 * Issue 11 §5: money. Finance (and admins) bill, register and reconcile payments and handle mandates;
 * managers read all of it; technicians see nothing of money. Every billing module (billing runs and
 * invoices, payments, mandates) asks these two.
 */
export const canReadBilling = (actor: StaffActor) => actor.role === 'admin' || actor.role === 'finance' || actor.role === 'manager';
export const canManageBilling = (actor: StaffActor) => actor.role === 'admin' || actor.role === 'finance';

export function assertMayReadBilling(actor: StaffActor) {
  if (!canReadBilling(actor)) throw forbidden();
}
export function assertMayManageBilling(actor: StaffActor) {
  if (!canManageBilling(actor)) throw forbidden();
}
