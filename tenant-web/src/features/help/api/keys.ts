import type { PortalHelpQuery } from '@portico/shared/contracts/help';
import { CUSTOMER_SCOPE } from '@/lib/query-client';

/** Per customer: the customer picks the landlord, and with it the articles. */
export const helpKeys = {
  all: [CUSTOMER_SCOPE, 'help'] as const,
  lists: () => [...helpKeys.all, 'list'] as const,
  list: (customerId: string, params: PortalHelpQuery) => [...helpKeys.lists(), customerId, params] as const,
  detail: (customerId: string, articleId: string) => [...helpKeys.all, 'detail', customerId, articleId] as const,
};
