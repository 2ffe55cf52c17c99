import { type OrgInviteBody, OrgMemberSchema } from '@portico/shared/contracts/accounts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { customerKeys } from './query-keys';

export type InvitePortalUserInput = OrgInviteBody & { customerId: string };

export const invitePortalUser = ({ customerId, ...body }: InvitePortalUserInput) =>
  api.post(`/api/v1/customers/${encodeURIComponent(customerId)}/portal-invitations`, OrgMemberSchema, body);

export function useInvitePortalUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: invitePortalUser,
    // The detail key covers the portal users and the contacts' portal state.
    onSuccess: (_member, { customerId }) => queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
  });
}
