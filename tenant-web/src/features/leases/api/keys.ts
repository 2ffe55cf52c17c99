import { CUSTOMER_SCOPE } from '@/lib/query-client';

export interface LeaseListParams {
  customerId: string;
  /** A page's nextCursor / previousCursor; none for the first page. */
  cursor?: string | undefined;
  limit: number;
}

/** Per customer: switching customer must never show the previous one's leases. */
export const leaseKeys = {
  all: [CUSTOMER_SCOPE, 'leases'] as const,
  lists: () => [...leaseKeys.all, 'list'] as const,
  list: (params: LeaseListParams) => [...leaseKeys.lists(), params] as const,
  details: () => [...leaseKeys.all, 'detail'] as const,
  detail: (customerId: string, leaseId: string) => [...leaseKeys.details(), customerId, leaseId] as const,
};
