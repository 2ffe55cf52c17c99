import {
  type WebhookDelivery,
  WebhookDeliverySchema,
  type WebhookEndpoint,
  type WebhookEndpointCreate,
  type WebhookEndpointPatch,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from '@portico/shared/contracts/webhooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { webhookKeys } from './query-keys';

const path = (endpointId: string) => `/api/v1/webhook-endpoints/${encodeURIComponent(endpointId)}`;

export const createEndpoint = async (body: WebhookEndpointCreate) =>
  WebhookEndpointWithSecretSchema.parse(await api.post('/api/v1/webhook-endpoints', body));
export const updateEndpoint = async ({ endpointId, patch }: { endpointId: string; patch: WebhookEndpointPatch }) =>
  WebhookEndpointSchema.parse(await api.patch(path(endpointId), patch));
export const rotateSecret = async (endpointId: string) =>
  WebhookEndpointWithSecretSchema.parse(await api.post(`${path(endpointId)}/rotate-secret`));
export const deleteEndpoint = (endpointId: string) => api.del<null>(path(endpointId));
export const sendTest = async (endpointId: string) => WebhookDeliverySchema.parse(await api.post(`${path(endpointId)}/test`));
export const redeliver = async ({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) =>
  WebhookDeliverySchema.parse(await api.post(`${path(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`));

/** An endpoint change: the lists refresh and the answer goes into the endpoint's cache. */
function useEndpointMutation<I, O extends WebhookEndpoint>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (endpoint) => {
      const { secret: _, ...plain } = endpoint as O & { secret?: string };
      queryClient.setQueryData(webhookKeys.detail(endpoint.id), plain);
      void queryClient.invalidateQueries({ queryKey: webhookKeys.lists() });
    },
  });
}

export const useCreateEndpoint = () => useEndpointMutation(createEndpoint);
export const useUpdateEndpoint = () => useEndpointMutation(updateEndpoint);
export const useRotateSecret = () => useEndpointMutation(rotateSecret);

export function useDeleteEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEndpoint,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** Test event and redelivery add a delivery: the endpoint's log refreshes. */
function useDeliveryMutation<I>(fn: (input: I) => Promise<WebhookDelivery>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (delivery) => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(delivery.endpointId) }),
  });
}

export const useSendTest = () => useDeliveryMutation(sendTest);
export const useRedeliver = () => useDeliveryMutation(redeliver);
