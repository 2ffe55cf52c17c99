import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canManageHelp } from './policy';

describe('help centre policy', () => {
  it.each<[StaffRole, boolean]>([
    ['admin', true],
    ['manager', true],
    ['finance', false],
    ['technician', false],
  ])('%s manages help articles: %s', (role, expected) => {
    expect(canManageHelp(staff(role))).toBe(expected);
  });
});
