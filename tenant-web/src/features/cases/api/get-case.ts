import type { CaseDetail } from '@portico/shared/contracts/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { LIVE_POLL_MS } from '@/lib/query-client';
import { caseKeys } from './keys';

/** One case with its public dialog, work orders and responsible manager (internal notes are never sent to tenants). */
export function getCase(caseId: string) {
  return api.get<CaseDetail>(`/api/v1/portal/cases/${encodeURIComponent(caseId)}`);
}

export const caseQueryOptions = (customerId: string, caseId: string) =>
  queryOptions({ queryKey: caseKeys.detail(customerId, caseId), queryFn: () => getCase(caseId), refetchInterval: LIVE_POLL_MS });

export function useCase(customerId: string, caseId: string) {
  return useQuery({ ...caseQueryOptions(customerId, caseId), enabled: Boolean(customerId && caseId) });
}
