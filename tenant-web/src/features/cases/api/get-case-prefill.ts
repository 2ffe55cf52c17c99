import type { CaseLocation } from '@portico/shared/contracts/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './keys';

/** Location and contact fields the landlord already knows for the lease and the signed-in person. */
export function getCasePrefill(leaseId: string) {
  return api.get<CaseLocation>('/api/v1/portal/cases/prefill', { leaseId });
}

export const casePrefillQueryOptions = (customerId: string, leaseId: string) =>
  queryOptions({ queryKey: caseKeys.prefill(customerId, leaseId), queryFn: () => getCasePrefill(leaseId), staleTime: 5 * 60_000 });

export function useCasePrefill(customerId: string, leaseId: string) {
  return useQuery({ ...casePrefillQueryOptions(customerId, leaseId), enabled: Boolean(leaseId) });
}
