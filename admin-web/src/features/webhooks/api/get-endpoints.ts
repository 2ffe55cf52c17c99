import { type WebhookEndpoint, WebhookEndpointPageSchema, WebhookEndpointSchema } from '@portico/shared/contracts/webhooks';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type EndpointListParams, webhookKeys } from './query-keys';

export const getEndpoints = async (params: EndpointListParams) =>
  WebhookEndpointPageSchema.parse(await api.get('/api/v1/webhook-endpoints', params));

export const endpointsQueryOptions = (params: EndpointListParams) =>
  queryOptions({ queryKey: webhookKeys.list(params), queryFn: () => getEndpoints(params), placeholderData: keepPreviousData });

export const useEndpoints = (params: EndpointListParams) => useQuery(endpointsQueryOptions(params));

export const getEndpoint = async (endpointId: string): Promise<WebhookEndpoint> =>
  WebhookEndpointSchema.parse(await api.get(`/api/v1/webhook-endpoints/${encodeURIComponent(endpointId)}`));

export const endpointQueryOptions = (endpointId: string) =>
  queryOptions({ queryKey: webhookKeys.detail(endpointId), queryFn: () => getEndpoint(endpointId) });

export const useEndpoint = (endpointId: string) => useQuery(endpointQueryOptions(endpointId));
