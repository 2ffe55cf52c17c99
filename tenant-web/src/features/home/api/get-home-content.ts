import type { PortalPostSummary } from '@portico/shared/contracts/content';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { CUSTOMER_SCOPE } from '@/lib/query-client';

/** Home refreshes its tiles while the tab is visible (React Query pauses intervals in the background). */
export const HOME_POLL_MS = 60_000;

export const homeKeys = {
  all: [CUSTOMER_SCOPE, 'home'] as const,
  posts: (customerId: string) => [...homeKeys.all, 'posts', customerId] as const,
};

/** The latest three news and bulletin posts (POSTS's route); pinned ones first, as the route orders them. */
export const homePostsQueryOptions = (customerId: string) =>
  queryOptions({
    queryKey: homeKeys.posts(customerId),
    queryFn: () => api.get<{ items: PortalPostSummary[] }>('/api/v1/portal/posts', { limit: 3 }),
    refetchInterval: HOME_POLL_MS,
  });

export const useHomePosts = (customerId: string) => useQuery(homePostsQueryOptions(customerId));
