import type { CaseSortSchema, CaseStatus, CaseType } from '@portico/shared/contracts/cases';
import type { z } from 'zod';
import { CUSTOMER_SCOPE } from '@/lib/query-client';

export type CaseScope = 'current' | 'historical' | 'all';
export type CaseSort = z.infer<typeof CaseSortSchema>;

/** What the list asks the API for; the customer is in it so a switch never shows another's cases. */
export interface CaseListParams {
  customerId: string;
  scope: CaseScope;
  sort: CaseSort;
  /** A keyset cursor of the page before (decision 66); none for the first page. */
  cursor?: string | undefined;
  limit: number;
  status?: CaseStatus | undefined;
  type?: CaseType | undefined;
  from?: string | undefined;
  to?: string | undefined;
  street?: string | undefined;
  objectNumber?: string | undefined;
  invoiceMarking?: string | undefined;
  agreementNumber?: string | undefined;
  q?: string | undefined;
  propertyId?: string | undefined;
  month?: string | undefined;
}

/** Per customer: switching customer must never show the previous one's cases. */
export const caseKeys = {
  all: [CUSTOMER_SCOPE, 'cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (params: CaseListParams) => [...caseKeys.lists(), params] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (customerId: string, caseId: string) => [...caseKeys.details(), customerId, caseId] as const,
  prefill: (customerId: string, leaseId: string) => [...caseKeys.all, 'prefill', customerId, leaseId] as const,
  objects: (customerId: string) => [...caseKeys.all, 'objects', customerId] as const,
};
