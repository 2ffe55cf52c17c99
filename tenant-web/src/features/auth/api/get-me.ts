import type { PortalMe } from '@portico/shared/contracts/auth';
import { ApiRequestError } from '@portico/shared/http';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';
import { ME_PATH } from './paths';

/** The signed-in portal user, or null when nobody is signed in. */
export async function getMe(): Promise<PortalMe | null> {
  try {
    return await api.get<PortalMe>(ME_PATH);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () => queryOptions({ queryKey: authKeys.me(), queryFn: getMe, staleTime: 60_000 });

export function useMe() {
  return useQuery(meQueryOptions());
}
