import type { ImportDetail, ImportPhase } from '@portico/shared/contracts/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { importKeys } from './query-keys';

export type RunImportInput = { importId: string; phase: ImportPhase };

/** A dry run or the commit; a large file answers at once with status `queued` and is then polled. */
export const runImport = ({ importId, phase }: RunImportInput) =>
  api.post<ImportDetail>(`/api/v1/imports/${encodeURIComponent(importId)}/${phase === 'dry_run' ? 'dry-run' : 'commit'}`);

export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runImport,
    onSuccess: (detail) => {
      queryClient.setQueryData(importKeys.detail(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: importKeys.lists() });
    },
  });
}
