import type { PostCategory } from '@portico/shared/contracts/content';

export type PostListParams = { category?: PostCategory | undefined; cursor?: string | undefined; limit: number };

export const postKeys = {
  all: ['posts'] as const,
  lists: () => [...postKeys.all, 'list'] as const,
  list: (params: PostListParams) => [...postKeys.lists(), params] as const,
  detail: (postId: string) => [...postKeys.all, 'detail', postId] as const,
  propertyOptions: (q: string) => [...postKeys.all, 'property-options', q] as const,
};
