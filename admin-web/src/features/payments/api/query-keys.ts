import type { PaymentListQuery } from '@portico/shared/contracts/payments';

export type PaymentListParams = Partial<Omit<PaymentListQuery, 'limit'>> & { limit: number };
export type PageParams = { cursor?: string | undefined; limit: number };

export const paymentKeys = {
  all: ['payments'] as const,
  lists: () => [...paymentKeys.all, 'list'] as const,
  list: (params: PaymentListParams) => [...paymentKeys.lists(), params] as const,
  unmatched: (params: PageParams) => [...paymentKeys.all, 'unmatched', params] as const,
  detail: (paymentId: string) => [...paymentKeys.all, 'detail', paymentId] as const,
  imports: (params: PageParams) => [...paymentKeys.all, 'imports', params] as const,
  payable: (q: string) => [...paymentKeys.all, 'payable', q] as const,
  customers: (q: string) => [...paymentKeys.all, 'customers', q] as const,
};
