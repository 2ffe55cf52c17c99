import type { PortalPostDetail } from '@portico/shared/contracts/posts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { postKeys } from './keys';

/** One post as the tenant reads it (sanitised HTML). */
export function getPost(postId: string) {
  return api.get<PortalPostDetail>(`/api/v1/portal/posts/${encodeURIComponent(postId)}`);
}

export const postQueryOptions = (customerId: string, postId: string) =>
  queryOptions({ queryKey: postKeys.detail(customerId, postId), queryFn: () => getPost(postId) });

export function usePost(customerId: string, postId: string) {
  return useQuery({ ...postQueryOptions(customerId, postId), enabled: Boolean(customerId && postId) });
}
