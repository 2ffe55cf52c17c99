import type { CaseRouting } from '@portico/shared/contracts/cases';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { settingsKeys } from './query-keys';

export const getCaseRouting = () => api.get<CaseRouting>('/api/v1/settings/case-routing');

export const caseRoutingQueryOptions = () => queryOptions({ queryKey: settingsKeys.caseRouting(), queryFn: getCaseRouting });

export const useCaseRouting = () => useQuery(caseRoutingQueryOptions());

export const updateCaseRouting = (body: CaseRouting) => api.put<CaseRouting>('/api/v1/settings/case-routing', body);

export function useUpdateCaseRouting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCaseRouting,
    onSuccess: (routing) => queryClient.setQueryData(settingsKeys.caseRouting(), routing),
  });
}
