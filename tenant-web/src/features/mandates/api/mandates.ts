import type { MandateKind } from '@portico/shared/contracts/billing-core';
import type { MandateCreate, MandateTerms, PortalMandate, PortalMandateOverview } from '@portico/shared/contracts/mandates';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { mandateKeys } from './keys';

export const getOverview = () => api.get<PortalMandateOverview>('/api/v1/portal/mandates');
export const overviewQueryOptions = (customerId: string) =>
  queryOptions({ queryKey: mandateKeys.overview(customerId), queryFn: getOverview });
export const useMandateOverview = (customerId: string, enabled = true) => useQuery({ ...overviewQueryOptions(customerId), enabled });

export const getTerms = (kind: MandateKind) => api.get<MandateTerms>('/api/v1/portal/mandate-terms', { kind });
export const useMandateTerms = (kind: MandateKind) =>
  useQuery(queryOptions({ queryKey: mandateKeys.terms(kind), queryFn: () => getTerms(kind) }));

export const createMandate = (input: MandateCreate) => api.post<PortalMandate>('/api/v1/portal/mandates', input);
export function useCreateMandate() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createMandate, onSuccess: () => queryClient.invalidateQueries({ queryKey: mandateKeys.all }) });
}

export const cancelMandate = (mandateId: string) =>
  api.post<PortalMandate>(`/api/v1/portal/mandates/${encodeURIComponent(mandateId)}/cancel`);
export function useCancelMandate() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: cancelMandate, onSuccess: () => queryClient.invalidateQueries({ queryKey: mandateKeys.all }) });
}
