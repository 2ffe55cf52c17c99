import type { StaffOptionList } from '@portico/shared/contracts/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { propertyKeys } from './query-keys';

/** The landlord's staff, for the property manager and customer manager pickers and the manager filter. */
export const getStaffOptions = () => api.get<StaffOptionList>('/api/v1/staff');

export const staffOptionsQueryOptions = () =>
  queryOptions({ queryKey: propertyKeys.staff(), queryFn: getStaffOptions, staleTime: 5 * 60_000 });

export const useStaffOptions = () => useQuery(staffOptionsQueryOptions());
