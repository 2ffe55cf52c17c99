import type { PropertyPage } from '@portico/shared/contracts/properties';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type PropertyListParams, propertyKeys } from './query-keys';

export const getProperties = (params: PropertyListParams) => api.get<PropertyPage>('/api/v1/properties', params);

export const propertiesQueryOptions = (params: PropertyListParams) =>
  queryOptions({ queryKey: propertyKeys.list(params), queryFn: () => getProperties(params), placeholderData: keepPreviousData });

export const useProperties = (params: PropertyListParams) => useQuery(propertiesQueryOptions(params));
