import type { EquipmentObjectList } from '@portico/shared/contracts/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './keys';

/** Machines and other objects at the customer's units and properties (seed 003 "Objekt"). */
export function getObjects() {
  return api.get<EquipmentObjectList>('/api/v1/portal/objects');
}

export const objectsQueryOptions = (customerId: string) =>
  queryOptions({ queryKey: caseKeys.objects(customerId), queryFn: getObjects, staleTime: 5 * 60_000 });

export function useObjects(customerId: string) {
  return useQuery(objectsQueryOptions(customerId));
}
