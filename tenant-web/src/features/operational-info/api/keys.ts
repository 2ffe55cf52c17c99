import { CUSTOMER_SCOPE } from '@/lib/query-client';

/** Per customer: switching customer must never show the previous one's notices. */
export const noticeKeys = {
  all: [CUSTOMER_SCOPE, 'operational-notices'] as const,
  list: (customerId: string, propertyId?: string) => [...noticeKeys.all, 'list', customerId, propertyId ?? null] as const,
  detail: (customerId: string, noticeId: string) => [...noticeKeys.all, 'detail', customerId, noticeId] as const,
};
