import { type ApiAccess, type ApiArea, type ApiScope, scopeAllows } from '@portico/shared/contracts/api-scopes';
import type { RecordType } from '@portico/shared/contracts/records';
import type { StaffActor } from '../../actors';

/** Keys are the admin's to manage, in the console: a key cannot list, create or revoke keys (no area). */
export const canManageApiKeys = (actor: StaffActor) => actor.role === 'admin' && !actor.apiKey;

/** GET (and HEAD) read; every other method writes. */
export const accessOf = (method: string): ApiAccess => (method === 'GET' || method === 'HEAD' ? 'read' : 'write');

/**
 * What a key needs on a route: one of `areas` (most routes name one) at the method's access.
 * `ok` when the key holds it; else the scope to name in the 403, or `not_allowed` when the route
 * is outside every area (settings, staff users, imports, the keys themselves).
 */
export function keyMayReach(
  scopes: readonly ApiScope[],
  areas: readonly ApiArea[],
  method: string,
): { ok: true } | { ok: false; reason: 'not_allowed' } | { ok: false; reason: 'scope_missing'; scope: ApiScope } {
  if (areas.length === 0) return { ok: false, reason: 'not_allowed' };
  const access = accessOf(method);
  if (areas.some((area) => scopeAllows(scopes, area, access))) return { ok: true };
  return { ok: false, reason: 'scope_missing', scope: `${areas[0]!}:${access}` };
}

/**
 * The area a record's history belongs to: properties, units and leases are `properties`,
 * customers and contacts `customers`; staff users' and settings' history refuse keys.
 */
export function historyAreaOf(recordType: RecordType | string): ApiArea | undefined {
  switch (recordType) {
    case 'property':
    case 'unit':
    case 'lease':
      return 'properties';
    case 'customer':
    case 'contact':
      return 'customers';
    default:
      return undefined;
  }
}
