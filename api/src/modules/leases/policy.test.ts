import type { PortalRole, StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canManageLeases, canReadLeases, leaseMoneyRestriction } from './policy';

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

describe('leases in the portal: who sees the money', () => {
  it.each<[PortalRole, boolean, boolean, 'role' | 'strong_auth' | null]>([
    ['main_admin', false, false, null],
    ['main_admin', true, false, 'strong_auth'],
    ['main_admin', true, true, null],
    ['admin', false, true, 'role'],
    ['admin', true, true, 'role'],
    ['user', false, false, 'role'],
  ])('%s, landlord demands e-ID %s, session used e-ID %s: %s', (role, demands, strong, expected) => {
    expect(leaseMoneyRestriction({ role, invoicesRequireStrongAuth: demands }, strong)).toBe(expected);
  });
});
