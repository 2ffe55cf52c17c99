import type { WebhookDeliveryStatus } from '@portico/shared/contracts/webhooks';

export type EndpointListParams = { cursor?: string | undefined; limit: number };
export type DeliveryListParams = { cursor?: string | undefined; limit: number; status?: WebhookDeliveryStatus | undefined };

export const webhookKeys = {
  all: ['webhooks'] as const,
  lists: () => [...webhookKeys.all, 'list'] as const,
  list: (params: EndpointListParams) => [...webhookKeys.lists(), params] as const,
  detail: (endpointId: string) => [...webhookKeys.all, 'detail', endpointId] as const,
  deliveries: (endpointId: string) => [...webhookKeys.all, 'deliveries', endpointId] as const,
  deliveryList: (endpointId: string, params: DeliveryListParams) => [...webhookKeys.deliveries(endpointId), params] as const,
};
