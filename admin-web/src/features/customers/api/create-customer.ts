import type { CustomerCreate, CustomerDetail } from '@portico/shared/contracts/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { customerKeys } from './query-keys';

export const createCustomer = (body: CustomerCreate) => api.post<CustomerDetail>('/api/v1/customers', body);

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCustomer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
  });
}
