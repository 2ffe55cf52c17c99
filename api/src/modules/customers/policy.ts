import type { StaffActor } from '../../actors';

/** Technicians work the cases assigned to them; customer records and messaging are for the office. */
export const canReadCustomers = (actor: StaffActor) => actor.role !== 'technician';
