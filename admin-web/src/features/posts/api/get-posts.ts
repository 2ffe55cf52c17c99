import type { PostDetail, PostPage } from '@portico/shared/contracts/posts';
import type { PropertyPage } from '@portico/shared/contracts/properties';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type PostListParams, postKeys } from './query-keys';

export const getPosts = (params: PostListParams) => api.get<PostPage>('/api/v1/posts', params);
export const getPost = (postId: string) => api.get<PostDetail>(`/api/v1/posts/${encodeURIComponent(postId)}`);

export const postsQueryOptions = (params: PostListParams) =>
  queryOptions({ queryKey: postKeys.list(params), queryFn: () => getPosts(params), placeholderData: keepPreviousData });
export const usePosts = (params: PostListParams) => useQuery(postsQueryOptions(params));

export const postQueryOptions = (postId: string) => queryOptions({ queryKey: postKeys.detail(postId), queryFn: () => getPost(postId) });
export const usePost = (postId: string) => useQuery({ ...postQueryOptions(postId), enabled: Boolean(postId) });

/** Properties to aim a post at, searched on the server by name, designation or street. */
export const usePropertyOptions = (q: string) =>
  useQuery({
    queryKey: postKeys.propertyOptions(q),
    queryFn: () => api.get<PropertyPage>('/api/v1/properties', { q: q || undefined, limit: 50 }),
    placeholderData: keepPreviousData,
  });

/** A saved post's image as staff see it. */
export const postImageUrl = (postId: string) => `/api/v1/posts/${encodeURIComponent(postId)}/image`;
