import type { CaseDetail, CaseStatusBodySchema } from '@portico/shared/contracts/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

export type CaseStatusBody = z.infer<typeof CaseStatusBodySchema>;

/** Moves not in CASE_TRANSITIONS are refused with 409 invalid_transition. */
export const changeCaseStatus = (caseId: string, body: CaseStatusBody) =>
  api.post<CaseDetail>(`/api/v1/cases/${encodeURIComponent(caseId)}/status`, body);

export function useChangeCaseStatus(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseStatusBody) => changeCaseStatus(caseId, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(caseId), detail);
      return queryClient.invalidateQueries({ queryKey: caseKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}
