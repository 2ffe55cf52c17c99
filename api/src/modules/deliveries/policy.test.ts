import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../actors';
import { canManageDeliveries } from './policy';

const staff = (role: StaffRole): StaffActor => ({
  kind: 'staff',
  id: `staff-${role}`,
  landlordId: 'landlord-1',
  role,
  name: `Staff ${role}`,
  email: `${role}@landlord.test`,
});

describe('deliveries policy', () => {
  // decisions.md 55: the delivery list and retry are for whoever writes to tenants (the office roles).
  it.each<[StaffRole, boolean]>([
    ['admin', true],
    ['manager', true],
    ['finance', true],
    ['technician', false],
  ])('canManageDeliveries(%s) is %s', (role, expected) => {
    expect(canManageDeliveries(staff(role))).toBe(expected);
  });
});
