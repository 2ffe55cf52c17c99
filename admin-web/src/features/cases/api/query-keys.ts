import type { CaseStatus, CaseType } from '@portico/shared/contracts/cases';

export type CaseScope = 'all' | 'current' | 'historical';
export type CaseSort = 'created_desc' | 'created_asc' | 'updated_desc' | 'due_asc' | 'number_desc';

/** GET /api/v1/cases: CaseListQuery with the console's extra filters. */
export type CaseListParams = {
  status?: CaseStatus[];
  scope: CaseScope;
  type?: CaseType;
  from?: string;
  to?: string;
  street?: string;
  objectNumber?: string;
  invoiceMarking?: string;
  agreementNumber?: string;
  q?: string;
  propertyId?: string;
  assigneeId?: string;
  customerId?: string;
  month?: string;
  overdue?: boolean;
  sort: CaseSort;
  /** A keyset cursor of the page before (decision 66); none for the first page. */
  cursor?: string;
  limit: number;
};

export type StatsGroup = 'month' | 'property' | 'type' | 'status';
export type CaseStatsParams = { groupBy: StatsGroup; from?: string; to?: string };

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (params: CaseListParams) => [...caseKeys.lists(), params] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (caseId: string) => [...caseKeys.details(), caseId] as const,
  /** Under `all`, so any change to a case refreshes the dashboard too. */
  stats: (params: CaseStatsParams) => [...caseKeys.all, 'stats', params] as const,
  objects: () => ['objects'] as const,
  staff: () => ['staff'] as const,
  properties: () => ['properties'] as const,
};
