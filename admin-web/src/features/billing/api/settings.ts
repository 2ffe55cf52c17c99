import type { BillingSettings, BillingSettingsPatch } from '@portico/shared/contracts/billing';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { billingKeys } from './query-keys';

export const getBillingSettings = () => api.get<BillingSettings>('/api/v1/billing/settings');
export const saveBillingSettings = (patch: BillingSettingsPatch) => api.patch<BillingSettings>('/api/v1/billing/settings', patch);

export const billingSettingsQueryOptions = () => queryOptions({ queryKey: billingKeys.settings(), queryFn: getBillingSettings });
export const useBillingSettings = () => useQuery(billingSettingsQueryOptions());

export function useSaveBillingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveBillingSettings,
    onSuccess: (saved) => queryClient.setQueryData(billingKeys.settings(), saved),
  });
}
