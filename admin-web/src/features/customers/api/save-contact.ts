import type { Contact, ContactInput, ContactUpdate } from '@portico/shared/contracts/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { customerKeys } from './query-keys';

const base = (customerId: string) => `/api/v1/customers/${encodeURIComponent(customerId)}/contacts`;

/** A new contact (no `contactId`) or a change to one; `portalUser` answers the e-mail question for a registered contact. */
export type SaveContactInput =
  | ({ customerId: string; contactId?: undefined } & ContactInput)
  | ({ customerId: string; contactId: string } & ContactUpdate);

export const saveContact = ({ customerId, contactId, ...body }: SaveContactInput) =>
  contactId ? api.patch<Contact>(`${base(customerId)}/${encodeURIComponent(contactId)}`, body) : api.post<Contact>(base(customerId), body);

export const removeContact = ({ customerId, contactId }: { customerId: string; contactId: string }) =>
  api.del<{ ok: true }>(`${base(customerId)}/${encodeURIComponent(contactId)}`);

export function useSaveContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveContact,
    // The detail key covers the portal users too (a re-invitation changes them).
    onSuccess: (_contact, { customerId }) => queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
  });
}

export function useRemoveContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeContact,
    onSuccess: (_ok, { customerId }) => queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
  });
}
