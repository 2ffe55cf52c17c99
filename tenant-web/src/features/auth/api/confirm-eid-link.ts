import type { PortalMe } from '@portico/shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';

export function confirmEidLink(body: { requestId: string }) {
  return api.post<PortalMe>('/api/v1/auth/portal/eid/link/confirm', body);
}

export function useConfirmEidLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmEidLink,
    onSuccess: (me, { requestId }) => {
      queryClient.setQueryData(authKeys.me(), me);
      queryClient.removeQueries({ queryKey: authKeys.pendingEidLink(requestId) });
    },
  });
}
