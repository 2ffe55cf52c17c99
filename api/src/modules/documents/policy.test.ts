import type { PortalRole, StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canManageDocuments, seesCustomerDocuments } from './policy';

describe('documents policy', () => {
  // "admin and manager read and write content; finance and technician get 403".
  it.each<[StaffRole, boolean]>([
    ['admin', true],
    ['manager', true],
    ['finance', false],
    ['technician', false],
  ])('staff %s: manage %s', (role, manage) => {
    expect(canManageDocuments(staff(role))).toBe(manage);
  });
  // Seed 002: customer and lease documents for main administrators and administrators only.
  it.each<[PortalRole, boolean]>([
    ['main_admin', true],
    ['admin', true],
    ['user', false],
  ])('tenant %s: customer and lease documents %s', (role, sees) => {
    expect(seesCustomerDocuments(role)).toBe(sees);
  });
});
