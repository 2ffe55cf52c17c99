import type { ThreadDetail } from '@portico/shared/contracts/messaging';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/lib/api-client';
import { LIVE_POLL_MS } from '@/lib/query-client';
import { messageKeys } from './keys';
import { useMarkThreadRead } from './mark-thread-read';

export function getThread(threadId: string) {
  return api.get<ThreadDetail>(`/api/v1/portal/threads/${encodeURIComponent(threadId)}`);
}

export const threadQueryOptions = (threadId: string) =>
  queryOptions({ queryKey: messageKeys.detail(threadId), queryFn: () => getThread(threadId), refetchInterval: LIVE_POLL_MS });

/**
 * The thread as shown: once it is on screen and has something unread, it is marked read (POST), which
 * refreshes the lists and the unread count. Loading it alone (a prefetch) marks nothing.
 */
export function useThread(threadId: string) {
  const query = useQuery(threadQueryOptions(threadId));
  const { mutate } = useMarkThreadRead();
  const unread = query.data?.unread === true;
  const loadedAt = query.dataUpdatedAt;
  useEffect(() => {
    if (unread && loadedAt) mutate(threadId);
  }, [unread, loadedAt, threadId, mutate]);
  return query;
}
