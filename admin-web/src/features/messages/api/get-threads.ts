import type { ThreadPage } from '@portico/shared/contracts/messaging';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { messageKeys, type ThreadListParams } from './query-keys';

export const getThreads = (params: ThreadListParams) => api.get<ThreadPage>('/api/v1/threads', params);

export const threadsQueryOptions = (params: ThreadListParams) =>
  queryOptions({ queryKey: messageKeys.list(params), queryFn: () => getThreads(params), placeholderData: keepPreviousData });

export const useThreads = (params: ThreadListParams) => useQuery(threadsQueryOptions(params));
