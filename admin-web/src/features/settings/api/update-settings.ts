import type { LandlordSettings, LandlordSettingsPatch } from '@portico/shared/contracts/settings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { settingsKeys } from './query-keys';

export const updateSettings = (patch: LandlordSettingsPatch) => api.patch<LandlordSettings>('/api/v1/settings', patch);

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKeys.detail(), settings);
      return queryClient.invalidateQueries({ queryKey: settingsKeys.all });
    },
  });
}
