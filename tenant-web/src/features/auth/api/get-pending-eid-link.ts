import type { EidPendingLink } from '@portico/shared/contracts/accounts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';

/** The identity the e-ID broker verified, waiting for the user to link it. */
export function getPendingEidLink(requestId: string) {
  return api.get<EidPendingLink>(`/api/v1/auth/portal/eid/pending-link/${encodeURIComponent(requestId)}`);
}

export const pendingEidLinkQueryOptions = (requestId: string) =>
  queryOptions({
    queryKey: authKeys.pendingEidLink(requestId),
    queryFn: () => getPendingEidLink(requestId),
    retry: false,
    staleTime: Infinity,
  });

export function usePendingEidLink(requestId: string) {
  return useQuery(pendingEidLinkQueryOptions(requestId));
}
