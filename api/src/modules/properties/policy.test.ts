import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canManageProperties, canReadProperties } from './policy';

describe('properties policy', () => {
  // "Managers manage properties…; finance reads them; technicians see none of it."
  it.each<[StaffRole, boolean, boolean]>([
    ['admin', true, true],
    ['manager', true, true],
    ['finance', true, false],
    ['technician', false, false],
  ])('%s: read %s, manage %s', (role, read, manage) => {
    expect(canReadProperties(staff(role))).toBe(read);
    expect(canManageProperties(staff(role))).toBe(manage);
  });
});
