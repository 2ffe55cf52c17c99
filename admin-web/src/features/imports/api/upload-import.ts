import type { ImportDetail, ImportKind } from '@portico/shared/contracts/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { importKeys } from './query-keys';

export type UploadImportInput = { kind: ImportKind; file: File };

export function uploadImport({ kind, file }: UploadImportInput) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<ImportDetail>(`/api/v1/imports?kind=${kind}`, form);
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadImport,
    onSuccess: (detail) => {
      queryClient.setQueryData(importKeys.detail(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: importKeys.lists() });
    },
  });
}
