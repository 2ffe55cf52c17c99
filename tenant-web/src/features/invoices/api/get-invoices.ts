import type { InvoicePage } from '@portico/shared/contracts/invoices';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type InvoiceListParams, invoiceKeys } from './keys';

/** The customer comes from the customer header; it is in the key so a switch never shows another's invoices. */
export function getInvoices({ unpaidOnly, cursor, limit }: InvoiceListParams) {
  return api.get<InvoicePage>('/api/v1/portal/invoices', { unpaidOnly, cursor, limit });
}

export const invoicesQueryOptions = (params: InvoiceListParams) =>
  queryOptions({
    queryKey: invoiceKeys.list(params),
    queryFn: () => getInvoices(params),
    // Keep the table while paging or filtering, but never across customers.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3]?.customerId === params.customerId ? previous : undefined),
  });

export function useInvoices(params: InvoiceListParams, enabled = true) {
  return useQuery({ ...invoicesQueryOptions(params), enabled });
}
