import type { OrgMember } from '@portico/shared/contracts/accounts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys } from './keys';

export function resendInvitation({ invitationId }: { invitationId: string }) {
  return api.post<OrgMember>(`/api/v1/portal/organisation/invitations/${encodeURIComponent(invitationId)}/resend`);
}

export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}
