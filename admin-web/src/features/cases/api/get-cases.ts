import type { CasePage } from '@portico/shared/contracts/cases';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type CaseListParams, caseKeys } from './query-keys';

/** `status` may repeat (`status=new&status=acknowledged`), which the client's flat query cannot express. */
export function casesSearch(params: CaseListParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.set(key, String(value));
  }
  return search.toString();
}

export const getCases = (params: CaseListParams) => api.get<CasePage>(`/api/v1/cases?${casesSearch(params)}`);

export const casesQueryOptions = (params: CaseListParams) =>
  queryOptions({ queryKey: caseKeys.list(params), queryFn: () => getCases(params), placeholderData: keepPreviousData });

export const useCases = (params: CaseListParams) => useQuery(casesQueryOptions(params));
