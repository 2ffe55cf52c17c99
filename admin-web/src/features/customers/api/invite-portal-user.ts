import type { OrgInviteBody, OrgMember } from '@portico/shared/contracts/accounts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { customerKeys } from './query-keys';

export type InvitePortalUserInput = OrgInviteBody & { customerId: string };

export const invitePortalUser = ({ customerId, ...body }: InvitePortalUserInput) =>
  api.post<OrgMember>(`/api/v1/customers/${encodeURIComponent(customerId)}/portal-invitations`, body);

export function useInvitePortalUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: invitePortalUser,
    // The detail key covers the portal users and the contacts' portal state.
    onSuccess: (_member, { customerId }) => queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
  });
}
