import type { MandateKind } from '@portico/shared/contracts/billing-core';
import { CUSTOMER_SCOPE } from '@/lib/query-client';

export const mandateKeys = {
  /** Per customer: switching customer must never show the previous one's agreements. */
  all: [CUSTOMER_SCOPE, 'mandates'] as const,
  overview: (customerId: string) => [...mandateKeys.all, 'overview', customerId] as const,
  terms: (kind: MandateKind) => [...mandateKeys.all, 'terms', kind] as const,
};
