import type { StatsGroupSchema } from '@portico/shared/contracts/cases';
import type { z } from 'zod';
import { CUSTOMER_SCOPE } from '@/lib/query-client';

export type StatsGroup = z.infer<typeof StatsGroupSchema>;

export interface StatsParams {
  customerId: string;
  groupBy: StatsGroup;
  from?: string | undefined;
  to?: string | undefined;
}

/** Per customer: switching customer must never show the previous one's statistics. */
export const dashboardKeys = {
  all: [CUSTOMER_SCOPE, 'dashboard'] as const,
  stats: (params: StatsParams) => [...dashboardKeys.all, 'stats', params] as const,
};
