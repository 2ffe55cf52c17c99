import type { CustomerPage } from '@portico/shared/contracts/customers';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type CustomerListParams, customerKeys } from './query-keys';

export const getCustomers = (params: CustomerListParams) => api.get<CustomerPage>('/api/v1/customers', params);

export const customersQueryOptions = (params: CustomerListParams) =>
  queryOptions({ queryKey: customerKeys.list(params), queryFn: () => getCustomers(params), placeholderData: keepPreviousData });

export const useCustomers = (params: CustomerListParams, options: { enabled?: boolean } = {}) =>
  useQuery({ ...customersQueryOptions(params), enabled: options.enabled ?? true });
