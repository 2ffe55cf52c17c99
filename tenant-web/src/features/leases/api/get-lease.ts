import type { PortalLeaseDetail } from '@portico/shared/contracts/leases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { leaseKeys } from './keys';

/** One lease: units, period, notice, rent (main administrators), the signed PDF and the linked cases. */
export function getLease(leaseId: string) {
  return api.get<PortalLeaseDetail>(`/api/v1/portal/leases/${encodeURIComponent(leaseId)}`);
}

export const leaseQueryOptions = (customerId: string, leaseId: string) =>
  queryOptions({ queryKey: leaseKeys.detail(customerId, leaseId), queryFn: () => getLease(leaseId) });

export function useLease(customerId: string, leaseId: string) {
  return useQuery({ ...leaseQueryOptions(customerId, leaseId), enabled: Boolean(customerId && leaseId) });
}

/** A plain link (the API finds the lease among every customer the person belongs to). */
export const signedPdfUrl = (leaseId: string) => `/api/v1/portal/leases/${encodeURIComponent(leaseId)}/signed-pdf`;
