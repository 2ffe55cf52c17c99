import type { StaffOptionList } from '@portico/shared/contracts/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

/** The people a case can be assigned to. */
export const getStaff = () => api.get<StaffOptionList>('/api/v1/staff');

export const staffQueryOptions = () => queryOptions({ queryKey: caseKeys.staff(), queryFn: getStaff, staleTime: 5 * 60_000 });

export const useStaff = (options: { enabled?: boolean } = {}) => useQuery({ ...staffQueryOptions(), enabled: options.enabled ?? true });
