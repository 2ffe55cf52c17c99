import type { ThreadDetail } from '@portico/shared/contracts/messaging';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { messageKeys } from './query-keys';

/** Loading a thread changes nothing; the thread view marks it read once shown (`useMarkThreadRead`). */
export const getThread = (threadId: string) => api.get<ThreadDetail>(`/api/v1/threads/${encodeURIComponent(threadId)}`);

export const threadQueryOptions = (threadId: string) =>
  queryOptions({ queryKey: messageKeys.detail(threadId), queryFn: () => getThread(threadId) });

export const useThread = (threadId: string) => useQuery(threadQueryOptions(threadId));
