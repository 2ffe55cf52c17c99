import type { OrgMember } from '@portico/shared/contracts/accounts';
import type { PortalRole } from '@portico/shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys } from './keys';

/** 403 role_ceiling above one's own role; 409 last_main_admin. */
export function updateMemberRole({ userId, role }: { userId: string; role: PortalRole }) {
  return api.patch<OrgMember>(`/api/v1/portal/organisation/users/${encodeURIComponent(userId)}`, { role });
}

export function useUpdateMemberRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMemberRole,
    onSettled: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}
