import type { Stats } from '@portico/shared/contracts/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { dashboardKeys, type StatsParams } from './keys';

/** Seed 003 Dashboard: the customer's cases, work orders, costs and lead times per group (main administrators only). */
export function getCaseStats({ groupBy, from, to }: StatsParams) {
  return api.get<Stats>('/api/v1/portal/cases/stats', { groupBy, from, to });
}

export const caseStatsQueryOptions = (params: StatsParams) =>
  queryOptions({
    queryKey: dashboardKeys.stats(params),
    queryFn: () => getCaseStats(params),
    // Keep the chart while regrouping, but never across customers.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3]?.customerId === params.customerId ? previous : undefined),
  });

export function useCaseStats(params: StatsParams, enabled = true) {
  return useQuery({ ...caseStatsQueryOptions(params), enabled });
}
