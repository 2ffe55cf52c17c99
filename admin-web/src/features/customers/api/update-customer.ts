import type { CustomerDetail, CustomerUpdate } from '@portico/shared/contracts/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { customerKeys } from './query-keys';

export const updateCustomer = ({ customerId, ...body }: CustomerUpdate & { customerId: string }) =>
  api.patch<CustomerDetail>(`/api/v1/customers/${encodeURIComponent(customerId)}`, body);

export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCustomer,
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      return queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}
