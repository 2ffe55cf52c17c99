import type { AgedDebtRow } from '@portico/shared/contracts/billing';
import type { CursorPage } from '@portico/shared/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { billingKeys } from './query-keys';

export const getAgedDebt = (cursor?: string) => api.get<CursorPage<AgedDebtRow>>('/api/v1/invoices/aged-debt', { cursor, limit: 25 });

export const agedDebtQueryOptions = (cursor?: string) =>
  queryOptions({ queryKey: billingKeys.agedDebt(cursor), queryFn: () => getAgedDebt(cursor), placeholderData: keepPreviousData });
export const useAgedDebt = (cursor?: string) => useQuery(agedDebtQueryOptions(cursor));
