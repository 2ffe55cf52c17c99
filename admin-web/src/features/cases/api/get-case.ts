import type { CaseDetail } from '@portico/shared/contracts/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

export const getCase = (caseId: string) => api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(caseId)}`);

export const caseQueryOptions = (caseId: string) => queryOptions({ queryKey: caseKeys.detail(caseId), queryFn: () => getCase(caseId) });

export const useCase = (caseId: string) => useQuery(caseQueryOptions(caseId));
