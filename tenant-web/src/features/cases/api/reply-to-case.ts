import type { CaseEvent } from '@portico/shared/contracts/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './keys';

export interface CaseReplyInput {
  caseId: string;
  body: string;
  attachmentIds: string[];
}

/** A public reply in the case's dialog (tenants never write internal notes). */
export function replyToCase({ caseId, body, attachmentIds }: CaseReplyInput) {
  return api.post<CaseEvent>(`/api/v1/portal/cases/${encodeURIComponent(caseId)}/replies`, { body, attachmentIds, internal: false });
}

export function useReplyToCase(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replyToCase,
    onSuccess: (_event, { caseId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(customerId, caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
      ]),
  });
}
