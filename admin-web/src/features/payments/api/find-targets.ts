import type { CustomerPage } from '@portico/shared/contracts/customers';
import type { PayableInvoice } from '@portico/shared/contracts/payments';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { paymentKeys } from './query-keys';

/** Notices a payment can go on, by OCR/FI reference or number. */
export const findPayableInvoices = (q: string) => api.get<{ items: PayableInvoice[] }>('/api/v1/payments/payable-invoices', { q });

export const payableInvoicesQueryOptions = (q: string) =>
  queryOptions({ queryKey: paymentKeys.payable(q), queryFn: () => findPayableInvoices(q), enabled: q.trim().length > 0 });

export const usePayableInvoices = (q: string) => useQuery(payableInvoicesQueryOptions(q));

/** Customers by name or number, for assigning a payment as credit. */
export const findCustomers = (q: string) => api.get<CustomerPage>('/api/v1/customers', { q, limit: 10 });

export const customerSearchQueryOptions = (q: string) =>
  queryOptions({ queryKey: paymentKeys.customers(q), queryFn: () => findCustomers(q), enabled: q.trim().length > 1 });

export const useCustomerSearch = (q: string) => useQuery(customerSearchQueryOptions(q));
