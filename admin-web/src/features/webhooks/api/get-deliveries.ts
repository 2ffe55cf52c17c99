import { WebhookDeliveryPageSchema } from '@portico/shared/contracts/webhooks';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type DeliveryListParams, webhookKeys } from './query-keys';

export const getDeliveries = async (endpointId: string, params: DeliveryListParams) =>
  WebhookDeliveryPageSchema.parse(await api.get(`/api/v1/webhook-endpoints/${encodeURIComponent(endpointId)}/deliveries`, params));

/** Refetched every few seconds while a delivery is pending, so the log shows the worker's progress. */
export const deliveriesQueryOptions = (endpointId: string, params: DeliveryListParams) =>
  queryOptions({
    queryKey: webhookKeys.deliveryList(endpointId, params),
    queryFn: () => getDeliveries(endpointId, params),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.status === 'pending') ? 2000 : false),
  });

export const useDeliveries = (endpointId: string, params: DeliveryListParams) => useQuery(deliveriesQueryOptions(endpointId, params));
