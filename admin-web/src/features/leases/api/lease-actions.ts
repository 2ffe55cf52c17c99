import type { LeaseDetail, LeaseTerminate } from '@portico/shared/contracts/leases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { leaseKeys } from './query-keys';

export type LeaseAction = 'terminate' | 'end' | 'archive' | 'restore';

export const runLeaseAction = (leaseId: string, action: LeaseAction, body: LeaseTerminate = {}) =>
  api.post<LeaseDetail>(`/api/v1/leases/${encodeURIComponent(leaseId)}/${action}`, action === 'terminate' ? body : undefined);

/** Terminate (with notice and end dates), end, archive or restore; the lease's page shows the answer. */
export function useLeaseAction(leaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: LeaseAction; body?: LeaseTerminate }) => runLeaseAction(leaseId, action, body),
    onSuccess: (lease) => {
      queryClient.setQueryData(leaseKeys.detail(lease.id), lease);
      void queryClient.invalidateQueries({ queryKey: leaseKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ['history', 'lease', lease.id] });
    },
  });
}
