import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor } from '../../../test/policy-actors';
import { canManageStaff, selfChangeRefused } from './policy';

describe('staff policy', () => {
  // Issue 9: "Only admins manage staff and settings".
  it.each<[StaffRole, boolean]>([
    ['admin', true],
    ['manager', false],
    ['finance', false],
    ['technician', false],
  ])('canManageStaff(%s) is %s', (role, expected) => {
    expect(canManageStaff(staffActor(role))).toBe(expected);
  });

  it.each<[string, { role?: StaffRole; deactivate?: boolean }, string, boolean]>([
    ['deactivating oneself', { deactivate: true }, 'staff-admin', true],
    ['demoting oneself', { role: 'manager' }, 'staff-admin', true],
    ['keeping the same role', { role: 'admin' }, 'staff-admin', false],
    ['deactivating a colleague', { deactivate: true }, 'someone-else', false],
    ['demoting a colleague', { role: 'finance' }, 'someone-else', false],
  ])('%s: refused %s', (_label, change, target, refused) => {
    expect(selfChangeRefused(staffActor('admin'), target, change)).toBe(refused);
  });
});
