import type { SignupCompleteBody } from '@portico/shared/contracts/accounts';
import type { PortalMe } from '@portico/shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { setSelection } from '@/lib/current-lease';
import { authKeys } from './keys';

/** Creates the portal user and signs in. */
export function completeSignup({ signupId, ...body }: SignupCompleteBody & { signupId: string }) {
  return api.post<PortalMe>(`/api/v1/auth/portal/signup/${encodeURIComponent(signupId)}/complete`, body);
}

export function useCompleteSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSignup,
    onSuccess: (me) => {
      const first = me.memberships[0];
      if (first) setSelection({ customerId: first.customerId, leaseId: first.leases[0]?.id ?? null });
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}
