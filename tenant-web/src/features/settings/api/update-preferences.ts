import type { NotificationPreferences } from '@portico/shared/contracts/accounts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { settingsKeys } from './keys';

export function updatePreferences(body: NotificationPreferences) {
  return api.put<NotificationPreferences>('/api/v1/auth/portal/preferences', body);
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.preferences(), saved);
    },
  });
}
