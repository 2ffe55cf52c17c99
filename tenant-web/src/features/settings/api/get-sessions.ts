import type { DeviceSessionList } from '@portico/shared/contracts/accounts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { settingsKeys } from './keys';

/** The devices signed in to this account (seed 002: "remember this device"). */
export function getSessions() {
  return api.get<DeviceSessionList>('/api/v1/auth/portal/sessions');
}

export const sessionsQueryOptions = () => queryOptions({ queryKey: settingsKeys.sessions(), queryFn: getSessions });

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}
