import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '@/lib/api-client';
import { messageKeys } from './keys';

/** Says "I have seen this thread" (a GET never does, so a prefetch cannot mark it read). */
export function markThreadRead(threadId: string) {
  return api.post<null>(`/api/v1/portal/threads/${encodeURIComponent(threadId)}/read`);
}

/**
 * `mutate(threadId)` marks the thread read, then refreshes the unread count and the lists (a failure is
 * dropped: the thread stays unread and is marked the next time it is shown). A plain request, not
 * `useMutation`: the messages loader imports this module's neighbour `get-thread`, so React Query's
 * mutation code would otherwise be on the first load of /messages.
 */
export function useMarkThreadRead() {
  const queryClient = useQueryClient();
  const mutate = useCallback(
    (threadId: string) => {
      void markThreadRead(threadId).then(
        () =>
          Promise.all([
            queryClient.invalidateQueries({ queryKey: messageKeys.unreadCount() }),
            queryClient.invalidateQueries({ queryKey: messageKeys.lists() }),
          ]),
        () => undefined,
      );
    },
    [queryClient],
  );
  return { mutate };
}
