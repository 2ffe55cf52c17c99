import type { PortalLeaseCopyRequested } from '@portico/shared/contracts/leases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { leaseKeys } from './keys';

/** Seed 001: a lease signed on paper — ask for a copy. Opens a case; 409 `lease_copy_available` when a signed PDF is there. */
export function requestLeaseCopy(leaseId: string) {
  return api.post<PortalLeaseCopyRequested>(`/api/v1/portal/leases/${encodeURIComponent(leaseId)}/request-copy`, {});
}

export function useRequestLeaseCopy(customerId: string, leaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestLeaseCopy(leaseId),
    // The lease's page lists its cases: the new one belongs there.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leaseKeys.detail(customerId, leaseId) }),
  });
}
