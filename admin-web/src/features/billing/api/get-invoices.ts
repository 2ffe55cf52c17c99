import type { StaffInvoiceSummary } from '@portico/shared/contracts/billing';
import type { CursorPage } from '@portico/shared/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { billingKeys, type InvoiceListParams } from './query-keys';

export const getInvoices = (params: InvoiceListParams) => api.get<CursorPage<StaffInvoiceSummary>>('/api/v1/invoices', params);

export const invoicesQueryOptions = (params: InvoiceListParams) =>
  queryOptions({ queryKey: billingKeys.invoiceList(params), queryFn: () => getInvoices(params), placeholderData: keepPreviousData });

export const useInvoices = (params: InvoiceListParams) => useQuery(invoicesQueryOptions(params));

/** The CSV export of the same filters (the browser downloads it). */
export function exportUrl(params: Omit<InvoiceListParams, 'cursor' | 'limit'>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, String(value));
  const query = search.toString();
  return `/api/v1/invoices/export.csv${query ? `?${query}` : ''}`;
}
