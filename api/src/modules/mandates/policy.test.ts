import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../actors';
import { canManageMandates, canReadMandates, nextMandateStatus } from './policy';

const staff = (role: StaffRole): StaffActor => ({ kind: 'staff', id: 'u', landlordId: 'l', role, name: 'n', email: 'e@x.test' });

describe('mandate policy', () => {
  it.each([
    ['admin', true, true],
    ['finance', true, true],
    ['manager', true, false],
    ['technician', false, false],
  ] as const)('%s: read %s, manage %s', (role, read, manage) => {
    expect(canReadMandates(staff(role))).toBe(read);
    expect(canManageMandates(staff(role))).toBe(manage);
  });

  it.each([
    ['pending', 'activate', 'active'],
    ['pending', 'reject', 'rejected'],
    ['pending', 'cancel', 'cancelled'],
    ['active', 'activate', null],
    ['active', 'reject', null],
    ['active', 'cancel', 'cancelled'],
    ['cancelled', 'activate', null],
    ['cancelled', 'cancel', null],
    ['rejected', 'activate', null],
    ['rejected', 'cancel', null],
  ] as const)('%s + %s → %s', (current, action, next) => {
    expect(nextMandateStatus(current, action)).toBe(next);
  });
});
