import type { ChargeCreate, CreditNoteCreate } from '@portico/shared/contracts/billing';
import type { InvoiceDetail } from '@portico/shared/contracts/billing-core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { billingKeys } from './query-keys';

export const createCreditNote = (invoiceId: string, body: CreditNoteCreate) =>
  api.post<InvoiceDetail>(`/api/v1/invoices/${invoiceId}/credit-notes`, body);

export const createCharge = (body: ChargeCreate) => api.post<InvoiceDetail>('/api/v1/invoices/charges', body);

export function useCreateCreditNote(invoiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreditNoteCreate) => createCreditNote(invoiceId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKeys.invoices() }),
  });
}

export function useCreateCharge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCharge,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKeys.invoices() }),
  });
}
