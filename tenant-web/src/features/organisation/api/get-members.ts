import type { OrgMemberList } from '@portico/shared/contracts/accounts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys } from './keys';

/** Users and open invitations of the current customer (the customer header says which). */
export function getMembers() {
  return api.get<OrgMemberList>('/api/v1/portal/organisation/users');
}

export const membersQueryOptions = (customerId: string) =>
  queryOptions({ queryKey: organisationKeys.members(customerId), queryFn: getMembers });

export function useMembers(customerId: string) {
  return useQuery(membersQueryOptions(customerId));
}
