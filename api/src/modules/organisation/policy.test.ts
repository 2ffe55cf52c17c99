import type { PortalRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { canGrant, canManageUsers, canSeeInvoices, ROLE_RANK } from './policy';

describe('organisation policy', () => {
  // decisions.md 12: roles are ranked user < admin < main_admin.
  it.each<[PortalRole, PortalRole]>([
    ['user', 'admin'],
    ['admin', 'main_admin'],
    ['user', 'main_admin'],
  ])('ROLE_RANK ranks %s below %s', (lower, higher) => {
    expect(ROLE_RANK[lower]).toBeLessThan(ROLE_RANK[higher]);
  });

  // PRODUCT.md (seed 002): admins manage users, i.e. main administrators and administrators.
  it.each<[PortalRole, boolean]>([
    ['main_admin', true],
    ['admin', true],
    ['user', false],
  ])('canManageUsers(%s) is %s', (role, expected) => {
    expect(canManageUsers(role)).toBe(expected);
  });

  // PRODUCT.md: "may grant only their own level or lower"; decisions.md 12: an administrator cannot
  // create a main administrator.
  it.each<[PortalRole, PortalRole, boolean]>([
    ['main_admin', 'main_admin', true],
    ['main_admin', 'admin', true],
    ['main_admin', 'user', true],
    ['admin', 'main_admin', false],
    ['admin', 'admin', true],
    ['admin', 'user', true],
    ['user', 'main_admin', false],
    ['user', 'admin', false],
    ['user', 'user', true],
  ])('canGrant(%s, %s) is %s', (actorRole, role, expected) => {
    expect(canGrant(actorRole, role)).toBe(expected);
  });

  // PRODUCT.md and decisions.md 12: only main administrators see invoices.
  it.each<[PortalRole, boolean]>([
    ['main_admin', true],
    ['admin', false],
    ['user', false],
  ])('canSeeInvoices(%s) is %s', (role, expected) => {
    expect(canSeeInvoices(role)).toBe(expected);
  });
});
