import { CUSTOMER_SCOPE } from '@/lib/query-client';

export interface InvoiceListParams {
  customerId: string;
  unpaidOnly: boolean;
  /** A page's nextCursor / previousCursor; none for the first page. */
  cursor?: string | undefined;
  limit: number;
}

export const invoiceKeys = {
  /** Per customer (in the params): switching customer must never show the previous one's invoices. */
  all: [CUSTOMER_SCOPE, 'invoices'] as const,
  lists: () => [...invoiceKeys.all, 'list'] as const,
  list: (params: InvoiceListParams) => [...invoiceKeys.lists(), params] as const,
  detail: (customerId: string, invoiceId: string) => [...invoiceKeys.all, 'detail', { customerId, invoiceId }] as const,
};
