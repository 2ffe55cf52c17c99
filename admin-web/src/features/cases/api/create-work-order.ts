import type { WorkOrder, WorkOrderBody } from '@portico/shared/contracts/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

export const createWorkOrder = (caseId: string, body: WorkOrderBody) =>
  api.post<WorkOrder>(`/api/v1/cases/${encodeURIComponent(caseId)}/work-orders`, body);

export function useCreateWorkOrder(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkOrderBody) => createWorkOrder(caseId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}
