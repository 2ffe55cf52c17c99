import type { PortalMe } from '@portico/shared/contracts/auth';
import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { getSelection, type LeaseSelection, resolveSelection } from '@/lib/current-lease';
import { queryClient } from '@/lib/query-client';

/**
 * Route loaders fill the query cache with the same query options the pages' hooks use, so a page
 * renders from the cache at once instead of mounting, then fetching (no waterfall). A loader never
 * fails the navigation: an error stays in the cache and the page's hook shows it with its retry.
 */
export function prefetch<T, K extends QueryKey>(options: UseQueryOptions<T, Error, T, K> & { queryKey: K }): Promise<void> {
  return queryClient.ensureQueryData(options).then(
    () => undefined,
    () => undefined,
  );
}

/** The signed-in user (null when signed out or when /me failed: the portal layout handles both). */
export function loadMe(): Promise<PortalMe | null> {
  return queryClient.ensureQueryData(meQueryOptions()).catch(() => null);
}

/** The customer and lease the portal acts for, resolved as the portal layout resolves it. */
export async function loadSelection(): Promise<{ me: PortalMe; selection: LeaseSelection | null } | null> {
  const me = await loadMe();
  return me ? { me, selection: resolveSelection(me, getSelection()) } : null;
}
