import type { Ok } from '@portico/shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys } from './keys';

/** 409 last_main_admin when it would leave the organisation without a main administrator. */
export function removeMember({ userId }: { userId: string }) {
  return api.del<Ok>(`/api/v1/portal/organisation/users/${encodeURIComponent(userId)}`);
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}
