import type { EmailChangeBody, EmailChangeStarted } from '@portico/shared/contracts/accounts';
import type { PortalMe } from '@portico/shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';

/** Sends an activation mail to the new address; the change waits for it (seed 004). */
export function requestEmailChange(body: EmailChangeBody) {
  return api.post<EmailChangeStarted>('/api/v1/auth/portal/email-change', body);
}

export function useRequestEmailChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestEmailChange,
    onSuccess: (started) => {
      queryClient.setQueryData<PortalMe | null>(authKeys.me(), (me) => (me ? { ...me, pendingEmail: started.pendingEmail } : me));
      return queryClient.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}
