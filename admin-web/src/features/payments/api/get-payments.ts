import type { PaymentPage } from '@portico/shared/contracts/payments';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type PageParams, type PaymentListParams, paymentKeys } from './query-keys';

export const getPayments = (params: PaymentListParams) => api.get<PaymentPage>('/api/v1/payments', params);

export const paymentsQueryOptions = (params: PaymentListParams) =>
  queryOptions({ queryKey: paymentKeys.list(params), queryFn: () => getPayments(params), placeholderData: keepPreviousData });

export const usePayments = (params: PaymentListParams) => useQuery(paymentsQueryOptions(params));

export const getUnmatched = (params: PageParams) => api.get<PaymentPage>('/api/v1/payments/unmatched', params);

export const unmatchedQueryOptions = (params: PageParams) =>
  queryOptions({ queryKey: paymentKeys.unmatched(params), queryFn: () => getUnmatched(params), placeholderData: keepPreviousData });

export const useUnmatched = (params: PageParams) => useQuery(unmatchedQueryOptions(params));
