import type { LeaseCreateInput, LeaseDetail, LeasePatch } from '@portico/shared/contracts/leases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { leaseKeys } from './query-keys';

export const createLease = (body: LeaseCreateInput) => api.post<LeaseDetail>('/api/v1/leases', body);
export const updateLease = (leaseId: string, body: LeasePatch) =>
  api.patch<LeaseDetail>(`/api/v1/leases/${encodeURIComponent(leaseId)}`, body);

export function useCreateLease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLease,
    onSuccess: (lease) => {
      queryClient.setQueryData(leaseKeys.detail(lease.id), lease);
      void queryClient.invalidateQueries({ queryKey: leaseKeys.lists() });
    },
  });
}

export function useUpdateLease(leaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeasePatch) => updateLease(leaseId, body),
    onSuccess: (lease) => {
      queryClient.setQueryData(leaseKeys.detail(lease.id), lease);
      void queryClient.invalidateQueries({ queryKey: leaseKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ['history', 'lease', lease.id] });
    },
  });
}
