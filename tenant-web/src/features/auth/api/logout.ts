import type { Ok } from '@portico/shared/contracts/auth';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';

export function logout() {
  return api.post<Ok>('/api/v1/auth/portal/logout');
}

/**
 * Signs out, then (whatever the answer) forgets everything cached but auth and marks the user signed out,
 * then calls `then`. A plain request, not `useMutation`: the layout of every page renders it, and React
 * Query's mutation code (~4.6 kB gzip) would be on every page's first load for one click.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  const [isPending, setPending] = useState(false);
  const signOut = useCallback(
    (then: () => void) => {
      setPending(true);
      void logout()
        .catch(() => undefined)
        .then(() => {
          queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] });
          queryClient.setQueryData(authKeys.me(), null);
          setPending(false);
          then();
        });
    },
    [queryClient],
  );
  return { signOut, isPending };
}
