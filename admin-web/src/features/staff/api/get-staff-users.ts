import type { StaffPage, StaffUser } from '@portico/shared/contracts/staff';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type StaffListParams, staffKeys } from './query-keys';

export const getStaffUsers = (params: StaffListParams) => api.get<StaffPage>('/api/v1/staff-users', params);

export const staffUsersQueryOptions = (params: StaffListParams) =>
  queryOptions({ queryKey: staffKeys.list(params), queryFn: () => getStaffUsers(params), placeholderData: keepPreviousData });

export const useStaffUsers = (params: StaffListParams) => useQuery(staffUsersQueryOptions(params));

export const getStaffUser = (staffId: string) => api.get<StaffUser>(`/api/v1/staff-users/${encodeURIComponent(staffId)}`);

export const staffUserQueryOptions = (staffId: string) =>
  queryOptions({ queryKey: staffKeys.detail(staffId), queryFn: () => getStaffUser(staffId) });

export const useStaffUser = (staffId: string) => useQuery(staffUserQueryOptions(staffId));
