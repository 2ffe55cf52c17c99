import { z } from 'zod';

/**
 * What an integrator's API key may reach (issue 10). Every landlord-scope route belongs to one area;
 * a key holds `read` or `write` per area, and `write` includes `read`. Routes outside every area
 * (staff users, settings, API keys themselves, imports) refuse keys.
 */
export const API_AREAS = ['properties', 'customers', 'messages', 'cases', 'billing', 'content', 'webhooks'] as const;
export const ApiAreaSchema = z.enum(API_AREAS);
export type ApiArea = z.infer<typeof ApiAreaSchema>;

export const API_ACCESS = ['read', 'write'] as const;
export type ApiAccess = (typeof API_ACCESS)[number];

export const API_SCOPES = API_AREAS.flatMap((area) => API_ACCESS.map((access) => `${area}:${access}` as const));
export const ApiScopeSchema = z.enum(API_SCOPES as [`${ApiArea}:${ApiAccess}`, ...`${ApiArea}:${ApiAccess}`[]]);
export type ApiScope = z.infer<typeof ApiScopeSchema>;

/** Whether `scopes` allow `access` to `area`; a write scope allows reading too. */
export function scopeAllows(scopes: readonly ApiScope[], area: ApiArea, access: ApiAccess): boolean {
  return scopes.includes(`${area}:write`) || (access === 'read' && scopes.includes(`${area}:read`));
}
