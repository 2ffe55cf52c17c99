import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../actors';
import { canReadCustomers } from './policy';

const staff = (role: StaffRole): StaffActor => ({
  kind: 'staff',
  id: `staff-${role}`,
  landlordId: 'landlord-1',
  role,
  name: `Staff ${role}`,
  email: `${role}@landlord.test`,
});

describe('customers policy', () => {
  // "Technicians work the cases assigned to them; customer records and messaging are for the office."
  it.each<[StaffRole, boolean]>([
    ['admin', true],
    ['manager', true],
    ['finance', true],
    ['technician', false],
  ])('canReadCustomers(%s) is %s', (role, expected) => {
    expect(canReadCustomers(staff(role))).toBe(expected);
  });
});
