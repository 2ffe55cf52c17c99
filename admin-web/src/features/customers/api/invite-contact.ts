import type { InvitationSent } from '@portico/shared/contracts/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { customerKeys } from './query-keys';

export type InviteContactInput = { customerId: string; contactId: string };

export const inviteContact = ({ customerId, contactId }: InviteContactInput) =>
  api.post<InvitationSent>(`/api/v1/customers/${encodeURIComponent(customerId)}/contacts/${encodeURIComponent(contactId)}/invite`);

export function useInviteContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteContact,
    onSuccess: (_sent, { customerId }) => queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
  });
}
