import type { MandateKind, MandateStatus } from '@portico/shared/contracts/billing-core';

export type MandateListParams = {
  status?: MandateStatus | undefined;
  kind?: MandateKind | undefined;
  customerId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};

export const mandateKeys = {
  all: ['mandates'] as const,
  lists: () => [...mandateKeys.all, 'list'] as const,
  list: (params: MandateListParams) => [...mandateKeys.lists(), params] as const,
  collections: (dueDate: string) => [...mandateKeys.all, 'collections', dueDate] as const,
};
