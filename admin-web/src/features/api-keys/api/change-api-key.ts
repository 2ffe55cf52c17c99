import type { ApiKey, ApiKeyCreate, ApiKeyCreated } from '@portico/shared/contracts/api-keys';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { apiKeyKeys } from './query-keys';

export const createApiKey = (body: ApiKeyCreate) => api.post<ApiKeyCreated>('/api/v1/api-keys', body);
export const revokeApiKey = (id: string) => api.post<ApiKey>(`/api/v1/api-keys/${encodeURIComponent(id)}/revoke`);

/** Both refresh the list; the created key's secret lives only in the mutation's answer, never in the cache. */
function useApiKeyMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeyKeys.lists() }),
  });
}

export const useCreateApiKey = () => useApiKeyMutation(createApiKey);
export const useRevokeApiKey = () => useApiKeyMutation(revokeApiKey);
