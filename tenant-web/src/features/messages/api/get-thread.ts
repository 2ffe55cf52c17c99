import { ThreadDetailSchema } from '@portico/shared/contracts/messaging';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/lib/api-client';
import { messageKeys } from './keys';

export function getThread(threadId: string) {
  return api.get(`/api/v1/portal/threads/${encodeURIComponent(threadId)}`, ThreadDetailSchema);
}

export const threadQueryOptions = (threadId: string) =>
  queryOptions({ queryKey: messageKeys.detail(threadId), queryFn: () => getThread(threadId) });

/** Opening a thread marks it read, so the lists and the unread count are refreshed once it has loaded. */
export function useThread(threadId: string) {
  const queryClient = useQueryClient();
  const query = useQuery(threadQueryOptions(threadId));
  const loadedAt = query.dataUpdatedAt;
  useEffect(() => {
    if (!loadedAt) return;
    void queryClient.invalidateQueries({ queryKey: messageKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: messageKeys.unreadCount() });
  }, [loadedAt, queryClient]);
  return query;
}
