import type { StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor as staff } from '../../../test/policy-actors';
import { canManageWebhooks, canReadEvents } from './policy';

describe('webhooks policy', () => {
  // Decision 10H5: endpoints, deliveries and the feed are for admins and managers.
  it.each<[StaffRole, boolean]>([
    ['admin', true],
    ['manager', true],
    ['finance', false],
    ['technician', false],
  ])('canManageWebhooks(%s) and canReadEvents are %s', (role, expected) => {
    expect(canManageWebhooks(staff(role))).toBe(expected);
    expect(canReadEvents(staff(role))).toBe(expected);
  });
});
