import type { WorkOrder, WorkOrderSignBodySchema } from '@portico/shared/contracts/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

export type WorkOrderSignBody = z.infer<typeof WorkOrderSignBodySchema>;
export type SignWorkOrderInput = WorkOrderSignBody & { workOrderId: string };

/** The signed delivery note: a PNG of the drawn signature or an uploaded signed file, uploaded first. */
export const signWorkOrder = (caseId: string, { workOrderId, ...body }: SignWorkOrderInput) =>
  api.post<WorkOrder>(`/api/v1/cases/${encodeURIComponent(caseId)}/work-orders/${encodeURIComponent(workOrderId)}/signature`, body);

export function useSignWorkOrder(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignWorkOrderInput) => signWorkOrder(caseId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}
