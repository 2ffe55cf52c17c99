import type { CustomerDetail } from '@portico/shared/contracts/customers';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { customerKeys } from './query-keys';

export const getCustomer = (customerId: string) => api.get<CustomerDetail>(`/api/v1/customers/${encodeURIComponent(customerId)}`);

export const customerQueryOptions = (customerId: string) =>
  queryOptions({ queryKey: customerKeys.detail(customerId), queryFn: () => getCustomer(customerId) });

export const useCustomer = (customerId: string | null | undefined) =>
  useQuery({ ...customerQueryOptions(customerId ?? ''), enabled: Boolean(customerId) });
