import type { PostCreate, PostDetail, PostPatch } from '@portico/shared/contracts/posts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { postKeys } from './query-keys';

export const createPost = (body: PostCreate) => api.post<PostDetail>('/api/v1/posts', body);
export const updatePost = (postId: string, body: PostPatch) => api.patch<PostDetail>(`/api/v1/posts/${encodeURIComponent(postId)}`, body);
export const deletePost = (postId: string) => api.del<null>(`/api/v1/posts/${encodeURIComponent(postId)}`);

/** A write answers with the post: it replaces the cached detail, lists refetch. */
function useSaved() {
  const queryClient = useQueryClient();
  return (post: PostDetail) => {
    queryClient.setQueryData(postKeys.detail(post.id), post);
    void queryClient.invalidateQueries({ queryKey: postKeys.lists() });
  };
}

export function useCreatePost() {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: createPost, onSuccess });
}

export function useUpdatePost(postId: string) {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: (body: PostPatch) => updatePost(postId, body), onSuccess });
}

export function useDeletePost(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deletePost(postId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: postKeys.detail(postId) });
      void queryClient.invalidateQueries({ queryKey: postKeys.lists() });
    },
  });
}
