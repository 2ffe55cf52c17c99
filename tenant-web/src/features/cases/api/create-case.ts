import type { CaseDetail, NewCaseBody } from '@portico/shared/contracts/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './keys';

/** 201 with the new case; the API sends the reporter a confirmation e-mail with a link to it. */
export function createCase(body: NewCaseBody) {
  return api.post<CaseDetail>('/api/v1/portal/cases', body);
}

export function useCreateCase(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: (created) => {
      queryClient.setQueryData(caseKeys.detail(customerId, created.id), created);
      return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}
