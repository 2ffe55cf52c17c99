import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canManageDeliveries } from './policy';

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
