import type { PaymentDetail } from '@portico/shared/contracts/payments';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { paymentKeys } from './query-keys';

export const allocateCredit = ({ paymentId, invoiceId }: { paymentId: string; invoiceId: string }) =>
  api.post<PaymentDetail>(`/api/v1/payments/${encodeURIComponent(paymentId)}/allocate`, { invoiceId });

export function useAllocateCredit() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: allocateCredit, onSuccess: () => queryClient.invalidateQueries({ queryKey: paymentKeys.all }) });
}
