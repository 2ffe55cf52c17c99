import type { BillingRun, BillingRunPreview } from '@portico/shared/contracts/billing';
import type { CursorPage } from '@portico/shared/pagination';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { billingKeys } from './query-keys';

export const getRuns = (cursor?: string) => api.get<CursorPage<BillingRun>>('/api/v1/billing/runs', { cursor, limit: 12 });
export const previewRun = (period: string) => api.post<BillingRunPreview>('/api/v1/billing/runs/preview', { period });
export const startRun = (period: string) => api.post<BillingRun>('/api/v1/billing/runs', { period });

export const runsQueryOptions = (cursor?: string) =>
  queryOptions({ queryKey: billingKeys.runs(cursor), queryFn: () => getRuns(cursor), placeholderData: keepPreviousData });
export const useRuns = (cursor?: string) => useQuery(runsQueryOptions(cursor));

export const usePreviewRun = () => useMutation({ mutationFn: previewRun });

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startRun,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKeys.all }),
  });
}
