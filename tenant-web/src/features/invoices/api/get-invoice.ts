import type { InvoiceDetail } from '@portico/shared/contracts/billing-core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { invoiceKeys } from './keys';

export function getInvoice(invoiceId: string) {
  return api.get<InvoiceDetail>(`/api/v1/portal/invoices/${invoiceId}`);
}

/** The customer is in the key: a switch never shows another customer's notice. */
export const invoiceQueryOptions = (customerId: string, invoiceId: string) =>
  queryOptions({ queryKey: invoiceKeys.detail(customerId, invoiceId), queryFn: () => getInvoice(invoiceId) });

export function useInvoice(customerId: string, invoiceId: string, enabled = true) {
  return useQuery({ ...invoiceQueryOptions(customerId, invoiceId), enabled });
}

/**
 * The QR code as an object URL for an <img>: fetched with the customer header like every call
 * (a plain src could not name the customer). Null when there is nothing to pay.
 */
export function useInvoiceQr(customerId: string, invoiceId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...invoiceKeys.detail(customerId, invoiceId), 'qr'] as const,
    queryFn: async () => URL.createObjectURL(await api.blob(`/api/v1/portal/invoices/${invoiceId}/qr.svg`)),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Opens the notice's PDF in a new tab (the tab is opened on the click, so no pop-up blocker stops it). */
export async function openInvoicePdf(invoiceId: string) {
  const tab = window.open('', '_blank');
  try {
    const url = URL.createObjectURL(await api.blob(`/api/v1/portal/invoices/${invoiceId}/pdf`));
    if (tab) tab.location.href = url;
    else window.location.href = url;
  } catch (err) {
    tab?.close();
    throw err;
  }
}
