import type { EquipmentObjectList } from '@portico/shared/contracts/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

/** Seed 003's equipment register: machines with a unique object number. */
export const getObjects = () => api.get<EquipmentObjectList>('/api/v1/objects');

export const objectsQueryOptions = () => queryOptions({ queryKey: caseKeys.objects(), queryFn: getObjects });

export const useObjects = () => useQuery(objectsQueryOptions());
