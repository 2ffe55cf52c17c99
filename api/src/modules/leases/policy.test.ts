import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canManageLeases, canReadLeases } from './policy';

describe('leases policy', () => {
  it.each<[StaffRole, { read: boolean; manage: boolean }]>([
    ['admin', { read: true, manage: true }],
    ['manager', { read: true, manage: true }],
    ['finance', { read: true, manage: false }],
    ['technician', { read: false, manage: false }],
  ])('%s: %o', (role, expected) => {
    expect({ read: canReadLeases(staff(role)), manage: canManageLeases(staff(role)) }).toStrictEqual(expected);
  });
});
