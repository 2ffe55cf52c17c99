import type { LoginBody, PortalMe } from '@portico/shared/contracts/auth';
import { authKeys } from './keys';

/**
 * The API client and the query client are imported on first use, not with the sign-in page: the
 * page renders without them, and the form preloads them when the user starts typing.
 */
export async function login(body: LoginBody): Promise<PortalMe> {
  const [{ api }, { queryClient }] = await Promise.all([import('@/lib/api-client'), import('@/lib/query-client')]);
  const me = await api.post<PortalMe>('/api/v1/auth/portal/login', body);
  // The portal layout then renders the user at once (its loader finds them in the cache).
  queryClient.setQueryData(authKeys.me(), me);
  return me;
}

export function preloadLogin(): void {
  void import('@/lib/api-client');
  void import('@/lib/query-client');
}
