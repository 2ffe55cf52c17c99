import type { Actor, StaffActor } from '../../actors';

/** Technicians see and work only the cases assigned to them; the rest of the office sees all. */
export const seesOnlyAssigned = (actor: StaffActor) => actor.role === 'technician';

/** Assigning and opening cases for customers is office work. */
export const canDispatch = (actor: StaffActor) => actor.role !== 'technician';

/** Seed 003's dashboard: staff, and a tenant's main administrators over their own cases. */
export const canSeeStats = (actor: Actor) => actor.kind === 'staff' || actor.role === 'main_admin';
