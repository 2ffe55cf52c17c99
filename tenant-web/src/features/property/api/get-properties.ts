import type { PortalPropertyList } from '@portico/shared/contracts/documents';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { propertyKeys } from './keys';

/** The properties the customer rents in (usually one). */
export function getProperties() {
  return api.get<PortalPropertyList>('/api/v1/portal/properties');
}

export const propertiesQueryOptions = (customerId: string) =>
  queryOptions({ queryKey: propertyKeys.list(customerId), queryFn: getProperties });

export function useProperties(customerId: string) {
  return useQuery({ ...propertiesQueryOptions(customerId), enabled: Boolean(customerId) });
}
