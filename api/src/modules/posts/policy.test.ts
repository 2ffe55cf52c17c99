import type { PortalRole, StaffRole } from '@portico/shared/contracts/auth';
import { describe, expect, it } from 'vitest';
import { staffActor, tenantActor } from '../../../test/policy-actors';
import { canManagePosts, canReadPortalPosts } from './policy';

describe('posts policy', () => {
  // "Admin and manager read and write content; finance and technician get 403."
  it.each<[StaffRole, boolean]>([
    ['admin', true],
    ['manager', true],
    ['finance', false],
    ['technician', false],
  ])('staff %s: manage %s', (role, manage) => {
    expect(canManagePosts(staffActor(role))).toBe(manage);
  });

  // Seed 002: news and area information for every portal role.
  it.each<[PortalRole, boolean]>([
    ['user', true],
    ['admin', true],
    ['main_admin', true],
  ])('tenant %s: read %s', (role, read) => {
    expect(canReadPortalPosts(tenantActor(role))).toBe(read);
  });
});
