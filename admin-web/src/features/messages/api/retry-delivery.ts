import type { Delivery, DeliveryPage } from '@portico/shared/contracts/deliveries';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { messageKeys } from './query-keys';

/**
 * "Send again" on a message whose e-mail failed: every failed delivery of the message goes back
 * in line (POST /api/v1/deliveries/:id/retry). A message to a household may have several.
 */
export async function retryMessageDeliveries(messageId: string) {
  const failed = await api.get<DeliveryPage>('/api/v1/deliveries', { messageId, state: 'failed', limit: 500 });
  return Promise.all(failed.items.map((d) => api.post<Delivery>(`/api/v1/deliveries/${encodeURIComponent(d.id)}/retry`)));
}

export function useRetryMessageDeliveries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryMessageDeliveries,
    // The thread's badge reads the delivery state; any open thread may show this message.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messageKeys.details() }),
  });
}
