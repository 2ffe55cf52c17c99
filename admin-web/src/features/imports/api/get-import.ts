import type { ImportDetail } from '@portico/shared/contracts/imports';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { importKeys } from './query-keys';

export const getImport = (importId: string) => api.get<ImportDetail>(`/api/v1/imports/${encodeURIComponent(importId)}`);

/** While the worker has the import (queued, running) it is polled every second for its progress. */
export const importQueryOptions = (importId: string) =>
  queryOptions({
    queryKey: importKeys.detail(importId),
    queryFn: () => getImport(importId),
    refetchInterval: (query) => (query.state.data?.status === 'queued' || query.state.data?.status === 'running' ? 1000 : false),
  });

export const useImport = (importId: string) => useQuery(importQueryOptions(importId));
