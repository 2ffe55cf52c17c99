import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { staffFileReach } from './policy';

describe('files policy', () => {
  // decisions.md 40: message files for roles that read messages (not technicians; finance reads the
  // inbox today), case files of every case except for technicians, who reach their assigned ones only.
  it.each<[StaffRole, { messages: boolean; assigneeId: string | undefined }]>([
    ['admin', { messages: true, assigneeId: undefined }],
    ['manager', { messages: true, assigneeId: undefined }],
    ['finance', { messages: true, assigneeId: undefined }],
    ['technician', { messages: false, assigneeId: 'staff-technician' }],
  ])('staffFileReach(%s) is %o', (role, expected) => {
    expect(staffFileReach(staff(role))).toStrictEqual(expected);
  });
});
