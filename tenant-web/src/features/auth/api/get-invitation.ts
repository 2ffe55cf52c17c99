import type { InvitationPreview } from '@portico/shared/contracts/auth';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';

export function getInvitation(token: string) {
  return api.get<InvitationPreview>(`/api/v1/auth/invitations/${encodeURIComponent(token)}`);
}

export const invitationQueryOptions = (token: string) =>
  queryOptions({ queryKey: authKeys.invitation(token), queryFn: () => getInvitation(token), retry: false, staleTime: Infinity });

export function useInvitation(token: string) {
  return useQuery(invitationQueryOptions(token));
}
