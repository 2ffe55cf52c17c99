import type { ImportPage } from '@portico/shared/contracts/imports';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type ImportListParams, importKeys } from './query-keys';

export const getImports = (params: ImportListParams) => api.get<ImportPage>('/api/v1/imports', params);

export const importsQueryOptions = (params: ImportListParams) =>
  queryOptions({ queryKey: importKeys.list(params), queryFn: () => getImports(params), placeholderData: keepPreviousData });

export const useImports = (params: ImportListParams) => useQuery(importsQueryOptions(params));
