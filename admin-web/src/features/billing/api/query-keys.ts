import type { StaffInvoiceListQuery } from '@portico/shared/contracts/billing';

/** The invoice list's URL parameters; `cursor`: a page's nextCursor / previousCursor. */
export type InvoiceListParams = Partial<Omit<StaffInvoiceListQuery, 'limit' | 'cursor'>> & { cursor?: string | undefined; limit: number };

export const billingKeys = {
  all: ['billing'] as const,
  invoices: () => [...billingKeys.all, 'invoices'] as const,
  invoiceList: (params: InvoiceListParams) => [...billingKeys.invoices(), 'list', params] as const,
  invoice: (invoiceId: string) => [...billingKeys.invoices(), 'detail', invoiceId] as const,
  agedDebt: (cursor: string | undefined) => [...billingKeys.invoices(), 'aged-debt', cursor] as const,
  runs: (cursor?: string) => [...billingKeys.all, 'runs', cursor] as const,
  settings: () => [...billingKeys.all, 'settings'] as const,
};
