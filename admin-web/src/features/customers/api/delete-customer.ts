import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { customerKeys } from './query-keys';

export const deleteCustomer = (customerId: string) => api.del<{ ok: true }>(`/api/v1/customers/${encodeURIComponent(customerId)}`);

export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCustomer,
    onSuccess: (_ok, customerId) => {
      queryClient.removeQueries({ queryKey: customerKeys.detail(customerId) });
      return queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    },
  });
}
