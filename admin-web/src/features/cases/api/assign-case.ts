import type { CaseAssignBodySchema, CaseDetail } from '@portico/shared/contracts/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

export type CaseAssignBody = z.infer<typeof CaseAssignBodySchema>;

export const assignCase = (caseId: string, body: CaseAssignBody) =>
  api.post<CaseDetail>(`/api/v1/cases/${encodeURIComponent(caseId)}/assign`, body);

export function useAssignCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseAssignBody) => assignCase(caseId, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(caseId), detail);
      return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}
