import type { StaffRole } from '@portico/shared/contracts/auth';
import { RECORD_TYPES, type RecordType } from '@portico/shared/contracts/records';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canManageMasterData, canManageOrganisation, canReadHistory, canReadMasterData } from './policy';

describe('landlord data roles (issue 9)', () => {
  // "Only admins manage staff and settings; managers manage properties, customers and leases;
  //  finance reads them; technicians see none of it."
  it.each<[StaffRole, boolean, boolean, boolean]>([
    ['admin', true, true, true],
    ['manager', true, true, false],
    ['finance', true, false, false],
    ['technician', false, false, false],
  ])('%s: read %s, manage %s, organisation %s', (role, read, manage, organisation) => {
    expect(canReadMasterData(staff(role))).toBe(read);
    expect(canManageMasterData(staff(role))).toBe(manage);
    expect(canManageOrganisation(staff(role))).toBe(organisation);
  });

  const adminOnly: RecordType[] = ['staff_user', 'settings'];
  it.each(RECORD_TYPES.flatMap((type) => (['admin', 'manager', 'finance', 'technician'] as const).map((role) => [type, role] as const)))(
    'history of a %s is readable by %s as its records are',
    (type, role) => {
      const expected = adminOnly.includes(type) ? role === 'admin' : role !== 'technician';
      expect(canReadHistory(staff(role), type)).toBe(expected);
    },
  );
});
