import { CUSTOMER_SCOPE } from '@/lib/query-client';

/** Per customer: another customer's properties are another list. */
export const propertyKeys = {
  all: [CUSTOMER_SCOPE, 'properties'] as const,
  list: (customerId: string) => [...propertyKeys.all, 'list', customerId] as const,
  detail: (customerId: string, propertyId: string) => [...propertyKeys.all, 'detail', customerId, propertyId] as const,
};
