import type { UnitOptionList } from '@portico/shared/contracts/leases';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { leaseKeys } from './query-keys';

export const getUnitOptions = (q: string) => api.get<UnitOptionList>('/api/v1/leases/unit-options', { q, limit: 20 });

export const unitOptionsQueryOptions = (q: string) =>
  queryOptions({ queryKey: leaseKeys.unitOptions(q), queryFn: () => getUnitOptions(q), placeholderData: keepPreviousData });

export const useUnitOptions = (q: string) => useQuery(unitOptionsQueryOptions(q));
