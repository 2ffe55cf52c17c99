import type { CustomerDetail } from '@portico/shared/contracts/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { customerKeys } from './query-keys';

/** Archive (`archive`) or bring back (`restore`): both answer the customer. */
export const setCustomerArchived = ({ customerId, action }: { customerId: string; action: 'archive' | 'restore' }) =>
  api.post<CustomerDetail>(`/api/v1/customers/${encodeURIComponent(customerId)}/${action}`);

export function useSetCustomerArchived() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setCustomerArchived,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}
