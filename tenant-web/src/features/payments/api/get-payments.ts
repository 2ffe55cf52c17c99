import type { PortalPaymentPage } from '@portico/shared/contracts/payments';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { CUSTOMER_SCOPE } from '@/lib/query-client';

export interface PaymentListParams {
  customerId: string;
  cursor?: string | undefined;
  limit: number;
}

export const paymentKeys = {
  /** Per customer (in the params): switching customer must never show the previous one's payments. */
  all: [CUSTOMER_SCOPE, 'payments'] as const,
  list: (params: PaymentListParams) => [...paymentKeys.all, 'list', params] as const,
};

/** The customer comes from the customer header; it is in the key only. */
export const getPayments = ({ cursor, limit }: PaymentListParams) =>
  api.get<PortalPaymentPage>('/api/v1/portal/payments', { cursor, limit });

export const paymentsQueryOptions = (params: PaymentListParams) =>
  queryOptions({
    queryKey: paymentKeys.list(params),
    queryFn: () => getPayments(params),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3]?.customerId === params.customerId ? previous : undefined),
  });

export function usePayments(params: PaymentListParams, enabled = true) {
  return useQuery({ ...paymentsQueryOptions(params), enabled });
}
