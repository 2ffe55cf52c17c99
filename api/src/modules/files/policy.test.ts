import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { staffFileReach } from './policy';

describe('files policy', () => {
  // decisions.md 40: message files for roles that read messages (not technicians; finance reads the
  // inbox today), case files of every case except for technicians, who reach their assigned ones only;
  // property images and leases' signed PDFs for the roles that read them (issue 9: not technicians).
  it.each<[StaffRole, { messages: boolean; assigneeId: string | undefined; propertyImages: boolean; leases: boolean }]>([
    ['admin', { messages: true, assigneeId: undefined, propertyImages: true, leases: true }],
    ['manager', { messages: true, assigneeId: undefined, propertyImages: true, leases: true }],
    ['finance', { messages: true, assigneeId: undefined, propertyImages: true, leases: true }],
    ['technician', { messages: false, assigneeId: 'staff-technician', propertyImages: false, leases: false }],
  ])('staffFileReach(%s) is %o', (role, expected) => {
    expect(staffFileReach(staff(role))).toStrictEqual(expected);
  });
});
