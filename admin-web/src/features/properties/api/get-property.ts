import type { PropertyDetail } from '@portico/shared/contracts/properties';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { propertyKeys } from './query-keys';

export const getProperty = (propertyId: string) => api.get<PropertyDetail>(`/api/v1/properties/${propertyId}`);

export const propertyQueryOptions = (propertyId: string) =>
  queryOptions({ queryKey: propertyKeys.detail(propertyId), queryFn: () => getProperty(propertyId) });

export const useProperty = (propertyId: string) => useQuery({ ...propertyQueryOptions(propertyId), enabled: propertyId !== '' });
