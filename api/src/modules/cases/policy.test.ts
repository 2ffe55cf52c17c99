import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff, tenantActor as tenant } from '../../../test/policy-actors';
import type { Actor } from '../../actors';
import { canDispatch, canSeeStats, seesOnlyAssigned } from './policy';

describe('cases policy', () => {
  // PRODUCT.md: "technicians see the cases assigned to them"; the rest of the office sees all.
  it.each<[StaffRole, boolean]>([
    ['admin', false],
    ['manager', false],
    ['finance', false],
    ['technician', true],
  ])('seesOnlyAssigned(%s) is %s', (role, expected) => {
    expect(seesOnlyAssigned(staff(role))).toBe(expected);
  });

  // "Assigning and opening cases for customers is office work": every staff role but technicians.
  it.each<[StaffRole, boolean]>([
    ['admin', true],
    ['manager', true],
    ['finance', true],
    ['technician', false],
  ])('canDispatch(%s) is %s', (role, expected) => {
    expect(canDispatch(staff(role))).toBe(expected);
  });

  // PRODUCT.md flow 11 (seed 003's dashboard): "for staff, and for tenant main admins over their own".
  it.each<[string, Actor, boolean]>([
    ['staff admin', staff('admin'), true],
    ['staff manager', staff('manager'), true],
    ['staff finance', staff('finance'), true],
    ['staff technician', staff('technician'), true],
    ['tenant main_admin', tenant('main_admin'), true],
    ['tenant admin', tenant('admin'), false],
    ['tenant user', tenant('user'), false],
  ])('canSeeStats(%s) is %s', (_label, actor, expected) => {
    expect(canSeeStats(actor)).toBe(expected);
  });
});
