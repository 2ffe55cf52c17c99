import type { CollectionConfirm, CollectionList, CollectionResult } from '@portico/shared/contracts/mandates';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { mandateKeys } from './query-keys';

export const getCollections = (dueDate: string) => api.get<CollectionList>('/api/v1/mandates/collections', { dueDate });

export const collectionsQueryOptions = (dueDate: string) =>
  queryOptions({ queryKey: mandateKeys.collections(dueDate), queryFn: () => getCollections(dueDate) });

export const useCollections = (dueDate: string | null) =>
  useQuery({ ...collectionsQueryOptions(dueDate ?? ''), enabled: dueDate !== null });

export const confirmCollections = (input: CollectionConfirm) => api.post<CollectionResult>('/api/v1/mandates/collections', input);

export function useConfirmCollections() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: confirmCollections, onSuccess: () => queryClient.invalidateQueries({ queryKey: mandateKeys.all }) });
}
