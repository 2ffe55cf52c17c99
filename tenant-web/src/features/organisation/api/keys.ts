import { CUSTOMER_SCOPE } from '@/lib/query-client';

/** Per customer: switching customer must never show the previous one's members. */
export const organisationKeys = {
  all: [CUSTOMER_SCOPE, 'organisation'] as const,
  members: (customerId: string) => [...organisationKeys.all, 'members', customerId] as const,
};
