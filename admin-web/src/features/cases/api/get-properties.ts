import type { PropertyOptionList } from '@portico/shared/contracts/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

export const getProperties = () => api.get<PropertyOptionList>('/api/v1/property-options');

export const propertiesQueryOptions = () =>
  queryOptions({ queryKey: caseKeys.properties(), queryFn: getProperties, staleTime: 5 * 60_000 });

export const useProperties = (options: { enabled?: boolean } = {}) =>
  useQuery({ ...propertiesQueryOptions(), enabled: options.enabled ?? true });
