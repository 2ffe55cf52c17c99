import type { PortalPostPage } from '@portico/shared/contracts/content';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type PostListParams, postKeys } from './keys';

/** News, bulletin posts and area information for the acting customer's properties: pinned first, then newest. */
export function getPosts({ category, cursor, limit }: PostListParams) {
  return api.get<PortalPostPage>('/api/v1/portal/posts', { category, cursor, limit });
}

export const postsQueryOptions = (params: PostListParams) =>
  queryOptions({
    queryKey: postKeys.list(params),
    queryFn: () => getPosts(params),
    // Keep the rows while paging, but never across customers.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3]?.customerId === params.customerId ? previous : undefined),
  });

export function usePosts(params: PostListParams) {
  return useQuery(postsQueryOptions(params));
}
