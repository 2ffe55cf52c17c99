import type { NotificationPreferences } from '@portico/shared/contracts/accounts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { settingsKeys } from './keys';

export function getPreferences() {
  return api.get<NotificationPreferences>('/api/v1/auth/portal/preferences');
}

export const preferencesQueryOptions = () => queryOptions({ queryKey: settingsKeys.preferences(), queryFn: getPreferences });

export function usePreferences() {
  return useQuery(preferencesQueryOptions());
}
