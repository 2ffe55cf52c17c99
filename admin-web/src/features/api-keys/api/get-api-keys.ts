import type { ApiKeyPage } from '@portico/shared/contracts/api-keys';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type ApiKeyListParams, apiKeyKeys } from './query-keys';

export const getApiKeys = (params: ApiKeyListParams) => api.get<ApiKeyPage>('/api/v1/api-keys', params);

export const apiKeysQueryOptions = (params: ApiKeyListParams) =>
  queryOptions({ queryKey: apiKeyKeys.list(params), queryFn: () => getApiKeys(params), placeholderData: keepPreviousData });

export const useApiKeys = (params: ApiKeyListParams) => useQuery(apiKeysQueryOptions(params));
