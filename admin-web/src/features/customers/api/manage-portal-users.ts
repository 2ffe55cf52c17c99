import type { OrgMember } from '@portico/shared/contracts/accounts';
import type { PortalRole } from '@portico/shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { customerKeys } from './query-keys';

const base = (customerId: string) => `/api/v1/customers/${encodeURIComponent(customerId)}`;

/** What staff do to one portal user or open invitation of a customer (issue 9 §2). */
export type PortalUserAction =
  | { customerId: string; action: 'resend'; invitationId: string }
  | { customerId: string; action: 'cancel'; invitationId: string }
  | { customerId: string; action: 'role'; userId: string; role: PortalRole }
  | { customerId: string; action: 'remove'; userId: string };

export function managePortalUser(a: PortalUserAction): Promise<OrgMember | { ok: true }> {
  switch (a.action) {
    case 'resend':
      return api.post<OrgMember>(`${base(a.customerId)}/portal-invitations/${encodeURIComponent(a.invitationId)}/resend`);
    case 'cancel':
      return api.del<{ ok: true }>(`${base(a.customerId)}/portal-invitations/${encodeURIComponent(a.invitationId)}`);
    case 'role':
      return api.patch<OrgMember>(`${base(a.customerId)}/portal-users/${encodeURIComponent(a.userId)}`, { role: a.role });
    case 'remove':
      return api.del<{ ok: true }>(`${base(a.customerId)}/portal-users/${encodeURIComponent(a.userId)}`);
  }
}

export function useManagePortalUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: managePortalUser,
    onSuccess: (_result, { customerId }) => queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
  });
}
