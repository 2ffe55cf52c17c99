import type { LeasePage } from '@portico/shared/contracts/leases';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type LeaseListParams, leaseKeys } from './query-keys';

export const getLeases = (params: LeaseListParams) => api.get<LeasePage>('/api/v1/leases', params);

export const leasesQueryOptions = (params: LeaseListParams) =>
  queryOptions({ queryKey: leaseKeys.list(params), queryFn: () => getLeases(params), placeholderData: keepPreviousData });

export const useLeases = (params: LeaseListParams) => useQuery(leasesQueryOptions(params));
