import type { LeaseListQuery } from '@portico/shared/contracts/leases';

/** The list's URL parameters; `cursor`: a page's nextCursor / previousCursor, none for the first page. */
export type LeaseListParams = Partial<Omit<LeaseListQuery, 'limit' | 'cursor'>> & { cursor?: string | undefined; limit: number };

export const leaseKeys = {
  all: ['leases'] as const,
  lists: () => [...leaseKeys.all, 'list'] as const,
  list: (params: LeaseListParams) => [...leaseKeys.lists(), params] as const,
  details: () => [...leaseKeys.all, 'detail'] as const,
  detail: (leaseId: string) => [...leaseKeys.details(), leaseId] as const,
  unitOptions: (q: string) => [...leaseKeys.all, 'unit-options', q] as const,
};
