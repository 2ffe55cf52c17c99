import type { LeaseDetail } from '@portico/shared/contracts/leases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { leaseKeys } from './query-keys';

export const getLease = (leaseId: string) => api.get<LeaseDetail>(`/api/v1/leases/${encodeURIComponent(leaseId)}`);

export const leaseQueryOptions = (leaseId: string) =>
  queryOptions({ queryKey: leaseKeys.detail(leaseId), queryFn: () => getLease(leaseId) });

export const useLease = (leaseId: string | null) => useQuery({ ...leaseQueryOptions(leaseId ?? ''), enabled: Boolean(leaseId) });
