import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canManageBilling, canReadBilling } from './policy';

describe('billing policy', () => {
  it.each<[StaffRole, { read: boolean; manage: boolean }]>([
    ['admin', { read: true, manage: true }],
    ['finance', { read: true, manage: true }],
    ['manager', { read: true, manage: false }],
    ['technician', { read: false, manage: false }],
  ])('%s: %o', (role, expected) => {
    expect({ read: canReadBilling(staff(role)), manage: canManageBilling(staff(role)) }).toStrictEqual(expected);
  });
});
