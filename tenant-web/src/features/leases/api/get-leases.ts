import type { PortalLeasePage } from '@portico/shared/contracts/leases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type LeaseListParams, leaseKeys } from './keys';

/** Seed 002's table: the leases of the customer the person acts for (the customer header). */
export function getLeases({ cursor, limit }: LeaseListParams) {
  return api.get<PortalLeasePage>('/api/v1/portal/leases', { cursor, limit });
}

export const leasesQueryOptions = (params: LeaseListParams) =>
  queryOptions({
    queryKey: leaseKeys.list(params),
    queryFn: () => getLeases(params),
    // Keep the rows while paging, but never across customers.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3]?.customerId === params.customerId ? previous : undefined),
  });

export function useLeases(params: LeaseListParams) {
  return useQuery(leasesQueryOptions(params));
}
