import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canImport } from './policy';

describe('imports policy', () => {
  // Imports write properties, units, customers and leases: those who manage them import.
  it.each<[StaffRole, boolean]>([
    ['admin', true],
    ['manager', true],
    ['finance', false],
    ['technician', false],
  ])('%s may import: %s', (role, allowed) => {
    expect(canImport(staff(role))).toBe(allowed);
  });
});
