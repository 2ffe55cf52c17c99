import type { PaymentAssign, PaymentDetail } from '@portico/shared/contracts/payments';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { paymentKeys } from './query-keys';

export const assignPayment = ({ paymentId, ...body }: PaymentAssign & { paymentId: string }) =>
  api.post<PaymentDetail>(`/api/v1/payments/${encodeURIComponent(paymentId)}/assign`, body);

export function useAssignPayment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: assignPayment, onSuccess: () => queryClient.invalidateQueries({ queryKey: paymentKeys.all }) });
}
