import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { staffFileReach } from './policy';

describe('files policy', () => {
  // decisions.md 40: message files for roles that read messages (not technicians; finance reads the
  // inbox today), case files of every case except for technicians, who reach their assigned ones only;
  // property images and leases' signed PDFs for the roles that read them (issue 9: not technicians).
  it.each<[StaffRole, { messages: boolean; cases: boolean; assigneeId: string | undefined; propertyImages: boolean; leases: boolean }]>([
    ['admin', { messages: true, cases: true, assigneeId: undefined, propertyImages: true, leases: true }],
    ['manager', { messages: true, cases: true, assigneeId: undefined, propertyImages: true, leases: true }],
    ['finance', { messages: true, cases: true, assigneeId: undefined, propertyImages: true, leases: true }],
    ['technician', { messages: false, cases: true, assigneeId: 'staff-technician', propertyImages: false, leases: false }],
  ])('staffFileReach(%s) is %o', (role, expected) => {
    expect(staffFileReach(staff(role))).toStrictEqual(expected);
  });

  it.each([
    [['messages:read'], { messages: true, cases: false, propertyImages: false, leases: false }],
    [['cases:write'], { messages: false, cases: true, propertyImages: false, leases: false }],
    [['properties:read', 'customers:write'], { messages: false, cases: false, propertyImages: true, leases: true }],
  ] as const)('an API key with %j reaches the files of those areas only', (scopes, expected) => {
    expect(staffFileReach({ ...staff('admin'), apiKey: { id: 'k', name: 'ERP', scopes } })).toStrictEqual({
      ...expected,
      assigneeId: undefined,
    });
  });
});
