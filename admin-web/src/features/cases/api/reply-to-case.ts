import type { CaseEvent, CaseReplyBody } from '@portico/shared/contracts/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

export const replyToCase = (caseId: string, body: CaseReplyBody) =>
  api.post<CaseEvent>(`/api/v1/cases/${encodeURIComponent(caseId)}/replies`, body);

export function useReplyToCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseReplyBody) => replyToCase(caseId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
      ]),
  });
}
