import type { Stats } from '@portico/shared/contracts/cases';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type CaseStatsParams, caseKeys } from './query-keys';

export const getCaseStats = (params: CaseStatsParams) => api.get<Stats>('/api/v1/cases/stats', params);

export const caseStatsQueryOptions = (params: CaseStatsParams) =>
  queryOptions({ queryKey: caseKeys.stats(params), queryFn: () => getCaseStats(params), placeholderData: keepPreviousData });

export const useCaseStats = (params: CaseStatsParams) => useQuery(caseStatsQueryOptions(params));
