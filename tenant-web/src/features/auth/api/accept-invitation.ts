import type { InvitationAccept, InvitationAccepted } from '@portico/shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { setSelection } from '@/lib/current-lease';
import { authKeys } from './keys';

export function acceptInvitation({ token, ...body }: InvitationAccept & { token: string }) {
  return api.post<InvitationAccepted>(`/api/v1/auth/invitations/${encodeURIComponent(token)}/accept`, body);
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (accepted) => {
      const membership = accepted.me.memberships.find((m) => m.customerId === accepted.customerId);
      setSelection({ customerId: accepted.customerId, leaseId: membership?.leases[0]?.id ?? null });
      queryClient.setQueryData(authKeys.me(), accepted.me);
    },
  });
}
