import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canManageNotices } from './policy';

describe('operational notices policy', () => {
  it.each<[StaffRole, boolean]>([
    ['admin', true],
    ['manager', true],
    ['finance', false],
    ['technician', false],
  ])('%s manages notices: %s', (role, expected) => {
    expect(canManageNotices(staff(role))).toBe(expected);
  });
});
