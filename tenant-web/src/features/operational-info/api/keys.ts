import { CUSTOMER_SCOPE } from '@/lib/query-client';

/** Per customer: switching customer must never show the previous one's notices. */
export const noticeKeys = {
  all: [CUSTOMER_SCOPE, 'operational-notices'] as const,
  list: (customerId: string, query: { propertyId?: string | undefined; leaseId?: string | undefined }) =>
    [...noticeKeys.all, 'list', customerId, query.propertyId ?? null, query.leaseId ?? null] as const,
  detail: (customerId: string, noticeId: string) => [...noticeKeys.all, 'detail', customerId, noticeId] as const,
};
