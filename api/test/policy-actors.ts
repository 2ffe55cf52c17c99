import type { PortalRole, StaffRole } from '@portico/shared/contracts/auth';
import type { StaffActor, TenantActor } from '../src/actors';

/** A staff actor of one role, for the modules' policy table tests. */
export const staffActor = (role: StaffRole): StaffActor => ({
  kind: 'staff',
  id: `staff-${role}`,
  landlordId: 'landlord-1',
  role,
  name: `Staff ${role}`,
  email: `${role}@landlord.test`,
});

/** A tenant actor of one portal role, acting for customer-1 of landlord-1. */
export const tenantActor = (role: PortalRole): TenantActor => ({
  kind: 'tenant',
  id: `tenant-${role}`,
  name: `Tenant ${role}`,
  email: `${role}@tenant.test`,
  customerId: 'customer-1',
  landlordId: 'landlord-1',
  role,
  invoicesRequireStrongAuth: false,
});
