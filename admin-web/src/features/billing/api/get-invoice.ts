import type { InvoiceDetail } from '@portico/shared/contracts/billing-core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { billingKeys } from './query-keys';

export const getInvoice = (invoiceId: string) => api.get<InvoiceDetail>(`/api/v1/invoices/${invoiceId}`);

export const invoiceQueryOptions = (invoiceId: string) =>
  queryOptions({ queryKey: billingKeys.invoice(invoiceId), queryFn: () => getInvoice(invoiceId) });

export const useInvoice = (invoiceId: string) => useQuery(invoiceQueryOptions(invoiceId));
