import type { CaseDetail } from '@portico/shared/contracts/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './keys';

/** Seed 002: several people of the organisation can follow one case. POST follows, DELETE stops following. */
export function followCase({ caseId, follow }: { caseId: string; follow: boolean }) {
  const path = `/api/v1/portal/cases/${encodeURIComponent(caseId)}/follow`;
  return follow ? api.post<CaseDetail>(path) : api.del<CaseDetail>(path);
}

export function useFollowCase(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: followCase,
    onSuccess: (detail) => queryClient.setQueryData(caseKeys.detail(customerId, detail.id), detail),
  });
}
