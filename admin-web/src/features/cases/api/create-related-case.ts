import type { CaseDetail, RelatedCaseBody } from '@portico/shared/contracts/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

/** Seed 001 "relaterade ärenden": information to one customer or every customer of a property. */
export const createRelatedCase = (body: RelatedCaseBody) => api.post<CaseDetail>('/api/v1/cases/related', body);

export function useCreateRelatedCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRelatedCase,
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}
