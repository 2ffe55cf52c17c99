import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canManageCustomers, canReadCustomers } from './policy';

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

  // Issue 9: "managers manage properties, customers and leases; finance reads them; technicians see none of it."
  it.each<[StaffRole, boolean]>([
    ['admin', true],
    ['manager', true],
    ['finance', false],
    ['technician', false],
  ])('canManageCustomers(%s) is %s', (role, expected) => {
    expect(canManageCustomers(staff(role))).toBe(expected);
  });
});
