import type { PostCategory } from '@portico/shared/contracts/content';
import { CUSTOMER_SCOPE } from '@/lib/query-client';

export interface PostListParams {
  customerId: string;
  category?: PostCategory | undefined;
  /** A page's nextCursor / previousCursor; none for the first page. */
  cursor?: string | undefined;
  limit: number;
}

/** Per customer: another customer's properties see other posts. */
export const postKeys = {
  all: [CUSTOMER_SCOPE, 'posts'] as const,
  lists: () => [...postKeys.all, 'list'] as const,
  list: (params: PostListParams) => [...postKeys.lists(), params] as const,
  details: () => [...postKeys.all, 'detail'] as const,
  detail: (customerId: string, postId: string) => [...postKeys.details(), customerId, postId] as const,
};
