import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { messageKeys } from './keys';

/** Says "I have seen this thread" (a GET never does, so a prefetch cannot mark it read). */
export function markThreadRead(threadId: string) {
  return api.post<null>(`/api/v1/portal/threads/${encodeURIComponent(threadId)}/read`);
}

export function useMarkThreadRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markThreadRead,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: messageKeys.unreadCount() }),
        queryClient.invalidateQueries({ queryKey: messageKeys.lists() }),
      ]),
  });
}
