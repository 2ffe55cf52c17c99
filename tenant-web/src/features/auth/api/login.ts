import type { LoginBody, PortalMe } from '@portico/shared/contracts/auth';

/**
 * The API client and the contract (and with them zod) are imported on first use, not with the sign-in
 * page: the page renders without them, and the form preloads them when the user starts typing.
 */
export async function login(body: LoginBody): Promise<PortalMe> {
  const [{ api }, { PortalMeSchema }] = await Promise.all([import('@/lib/api-client'), import('@portico/shared/contracts/auth')]);
  return api.post('/api/v1/auth/portal/login', PortalMeSchema, body);
}

export function preloadLogin(): void {
  void import('@/lib/api-client');
  void import('@portico/shared/contracts/auth');
}
