import type { CaseDetail, StaffNewCaseBody } from '@portico/shared/contracts/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

export const createCase = (body: StaffNewCaseBody) => api.post<CaseDetail>('/api/v1/cases', body);

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}
