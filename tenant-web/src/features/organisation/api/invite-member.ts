import type { OrgInviteBody, OrgMember } from '@portico/shared/contracts/accounts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys } from './keys';

export function inviteMember(body: OrgInviteBody) {
  return api.post<OrgMember>('/api/v1/portal/organisation/invitations', body);
}

export function useInviteMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}
