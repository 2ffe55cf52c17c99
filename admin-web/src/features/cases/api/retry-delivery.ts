import type { Delivery, DeliveryPage } from '@portico/shared/contracts/deliveries';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

export type RecipientRetry = { customerId: string; channel: 'email' | 'sms' };

/** "Send again" for one recipient of a related case: its failed e-mails or SMS go back in line. */
export async function retryRecipientDeliveries(caseId: string, { customerId, channel }: RecipientRetry) {
  const failed = await api.get<DeliveryPage>('/api/v1/deliveries', { caseId, customerId, state: 'failed', limit: 500 });
  return Promise.all(
    failed.items
      .filter((d) => d.channel === channel)
      .map((d) => api.post<Delivery>(`/api/v1/deliveries/${encodeURIComponent(d.id)}/retry`)),
  );
}

export function useRetryRecipientDeliveries(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: RecipientRetry) => retryRecipientDeliveries(caseId, target),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}
