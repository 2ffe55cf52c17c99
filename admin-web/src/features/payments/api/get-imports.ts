import type { PaymentImportPage } from '@portico/shared/contracts/payments';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type PageParams, paymentKeys } from './query-keys';

export const getPaymentImports = (params: PageParams) => api.get<PaymentImportPage>('/api/v1/payments/imports', params);

export const paymentImportsQueryOptions = (params: PageParams) =>
  queryOptions({ queryKey: paymentKeys.imports(params), queryFn: () => getPaymentImports(params), placeholderData: keepPreviousData });

export const usePaymentImports = (params: PageParams) => useQuery(paymentImportsQueryOptions(params));
