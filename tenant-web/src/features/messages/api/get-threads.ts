import type { ThreadPage } from '@portico/shared/contracts/messaging';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { LIVE_POLL_MS } from '@/lib/query-client';
import { messageKeys, type ThreadListParams } from './keys';
import { THREADS_PATH } from './paths';

export function getThreads(params: ThreadListParams) {
  return api.get<ThreadPage>(THREADS_PATH, { ...params });
}

export const threadsQueryOptions = (params: ThreadListParams) =>
  queryOptions({
    queryKey: messageKeys.list(params),
    queryFn: () => getThreads(params),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_POLL_MS,
  });

export function useThreads(params: ThreadListParams, enabled = true) {
  return useQuery({ ...threadsQueryOptions(params), enabled });
}
