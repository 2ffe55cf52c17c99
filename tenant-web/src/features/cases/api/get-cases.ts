import type { CasePage } from '@portico/shared/contracts/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { LIVE_POLL_MS } from '@/lib/query-client';
import { type CaseListParams, caseKeys } from './keys';

/** The customer comes from the customer header; the scope is always sent (the API's default is `all`). */
export function getCases({ customerId: _customerId, ...query }: CaseListParams) {
  return api.get<CasePage>('/api/v1/portal/cases', { ...query });
}

export const casesQueryOptions = (params: CaseListParams) =>
  queryOptions({
    queryKey: caseKeys.list(params),
    queryFn: () => getCases(params),
    refetchInterval: LIVE_POLL_MS,
    // Keep the table while paging or filtering, but never across customers.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3]?.customerId === params.customerId ? previous : undefined),
  });

export function useCases(params: CaseListParams, enabled = true) {
  return useQuery({ ...casesQueryOptions(params), enabled });
}
