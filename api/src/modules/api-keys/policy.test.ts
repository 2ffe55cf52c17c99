import type { ApiScope } from '@portico/shared/contracts/api-scopes';
import { describe, expect, it } from 'vitest';
import { staffActor } from '../../../test/policy-actors';
import { canManageApiKeys, historyAreaOf, keyMayReach } from './policy';

describe('canManageApiKeys', () => {
  it.each([
    ['admin', true],
    ['manager', false],
    ['finance', false],
    ['technician', false],
  ] as const)('%s → %s', (role, allowed) => {
    expect(canManageApiKeys(staffActor(role))).toBe(allowed);
  });

  it('an API key acting as admin may not manage keys', () => {
    expect(canManageApiKeys({ ...staffActor('admin'), apiKey: { id: 'k', name: 'ERP' } })).toBe(false);
  });
});

describe('keyMayReach', () => {
  const cases: [ApiScope[], ('customers' | 'properties' | 'messages')[], string, string][] = [
    [['customers:read'], ['customers'], 'GET', 'ok'],
    [['customers:read'], ['customers'], 'POST', 'scope_missing customers:write'],
    [['customers:read'], ['customers'], 'PATCH', 'scope_missing customers:write'],
    [['customers:read'], ['customers'], 'DELETE', 'scope_missing customers:write'],
    [['customers:write'], ['customers'], 'GET', 'ok'],
    [['customers:write'], ['customers'], 'PUT', 'ok'],
    [['properties:write'], ['customers'], 'GET', 'scope_missing customers:read'],
    [['customers:write', 'properties:write'], [], 'GET', 'not_allowed'],
    [['messages:read'], ['messages', 'properties'], 'GET', 'ok'],
    [['properties:read'], ['messages', 'properties'], 'GET', 'ok'],
    [['properties:read'], ['messages', 'properties'], 'POST', 'scope_missing messages:write'],
  ];
  it.each(cases)('%j on %j by %s → %s', (scopes, areas, method, expected) => {
    const r = keyMayReach(scopes, areas, method);
    expect(r.ok ? 'ok' : r.reason === 'scope_missing' ? `scope_missing ${r.scope}` : r.reason).toBe(expected);
  });
});

describe('historyAreaOf', () => {
  it.each([
    ['property', 'properties'],
    ['unit', 'properties'],
    ['lease', 'properties'],
    ['customer', 'customers'],
    ['contact', 'customers'],
    ['staff_user', undefined],
    ['settings', undefined],
    ['nonsense', undefined],
  ])('%s → %s', (type, area) => {
    expect(historyAreaOf(type)).toBe(area);
  });
});
