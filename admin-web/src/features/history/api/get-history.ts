import type { HistoryPage, RecordType } from '@portico/shared/contracts/records';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const historyKeys = {
  all: ['history'] as const,
  record: (recordType: RecordType, recordId: string) => [...historyKeys.all, recordType, recordId] as const,
  page: (recordType: RecordType, recordId: string, cursor: string | undefined) =>
    [...historyKeys.record(recordType, recordId), cursor ?? null] as const,
};

export const getHistory = (recordType: RecordType, recordId: string, cursor: string | undefined) =>
  api.get<HistoryPage>(`/api/v1/history/${recordType}/${encodeURIComponent(recordId)}`, { cursor, limit: 20 });

export const historyQueryOptions = (recordType: RecordType, recordId: string, cursor: string | undefined) =>
  queryOptions({
    queryKey: historyKeys.page(recordType, recordId, cursor),
    queryFn: () => getHistory(recordType, recordId, cursor),
    placeholderData: keepPreviousData,
  });

export const useHistory = (recordType: RecordType, recordId: string, cursor: string | undefined, enabled: boolean) =>
  useQuery({ ...historyQueryOptions(recordType, recordId, cursor), enabled });
