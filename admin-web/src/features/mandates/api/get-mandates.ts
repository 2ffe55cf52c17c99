import type { MandatePage } from '@portico/shared/contracts/mandates';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type MandateListParams, mandateKeys } from './query-keys';

export const getMandates = (params: MandateListParams) => api.get<MandatePage>('/api/v1/mandates', params);

export const mandatesQueryOptions = (params: MandateListParams) =>
  queryOptions({ queryKey: mandateKeys.list(params), queryFn: () => getMandates(params), placeholderData: keepPreviousData });

export const useMandates = (params: MandateListParams) => useQuery(mandatesQueryOptions(params));
