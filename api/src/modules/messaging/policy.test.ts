import { describe, expect, it } from 'vitest';
import { staffActor as staff, tenantActor as tenant } from '../../../test/policy-actors';
import type { Actor } from '../../actors';
import { canUseMessaging } from './policy';

describe('messaging policy', () => {
  // "Office roles write to tenants; technicians work cases, not the message inbox. Every tenant role
  // may write." decisions.md 5: technicians have no message inbox; 40: finance reads the inbox today.
  it.each<[string, Actor, boolean]>([
    ['staff admin', staff('admin'), true],
    ['staff manager', staff('manager'), true],
    ['staff finance', staff('finance'), true],
    ['staff technician', staff('technician'), false],
    ['tenant main_admin', tenant('main_admin'), true],
    ['tenant admin', tenant('admin'), true],
    ['tenant user', tenant('user'), true],
  ])('canUseMessaging(%s) is %s', (_label, actor, expected) => {
    expect(canUseMessaging(actor)).toBe(expected);
  });
});
