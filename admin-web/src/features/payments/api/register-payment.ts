import type { PaymentCreate, PaymentDetail } from '@portico/shared/contracts/payments';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { paymentKeys } from './query-keys';

export const registerPayment = (input: PaymentCreate) => api.post<PaymentDetail>('/api/v1/payments', input);

export function useRegisterPayment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: registerPayment, onSuccess: () => queryClient.invalidateQueries({ queryKey: paymentKeys.all }) });
}
