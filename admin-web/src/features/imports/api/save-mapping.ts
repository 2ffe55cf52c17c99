import type { ImportDetail } from '@portico/shared/contracts/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { importKeys } from './query-keys';

export type SaveMappingInput = { importId: string; mapping: Record<string, string | null> };

export const saveMapping = ({ importId, mapping }: SaveMappingInput) =>
  api.put<ImportDetail>(`/api/v1/imports/${encodeURIComponent(importId)}/mapping`, { mapping });

export function useSaveMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveMapping,
    onSuccess: (detail) => queryClient.setQueryData(importKeys.detail(detail.id), detail),
  });
}
