import type { OrgMemberList } from '@portico/shared/contracts/accounts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { customerKeys } from './query-keys';

export const getPortalUsers = (customerId: string) =>
  api.get<OrgMemberList>(`/api/v1/customers/${encodeURIComponent(customerId)}/portal-users`);

export const portalUsersQueryOptions = (customerId: string) =>
  queryOptions({ queryKey: customerKeys.portalUsers(customerId), queryFn: () => getPortalUsers(customerId) });

export const usePortalUsers = (customerId: string | null | undefined) =>
  useQuery({ ...portalUsersQueryOptions(customerId ?? ''), enabled: Boolean(customerId) });
