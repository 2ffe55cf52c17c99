import { type PortalNoticeList, PortalNoticeListSchema, type PortalNoticeQuery } from '@portico/shared/contracts/content';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { noticeKeys } from './keys';

/** Current and planned notices for the acting customer's properties (optionally one property or lease). */
export async function getNotices(query: PortalNoticeQuery = {}): Promise<PortalNoticeList> {
  return PortalNoticeListSchema.parse(await api.get<unknown>('/api/v1/portal/operational-notices', query));
}

/** Refreshes itself every minute: a disruption can start while the page is open. */
export const noticesQueryOptions = (customerId: string, query: PortalNoticeQuery = {}) =>
  queryOptions({ queryKey: noticeKeys.list(customerId, query), queryFn: () => getNotices(query), refetchInterval: 60_000 });

export function useNotices(customerId: string, query: PortalNoticeQuery = {}) {
  return useQuery({ ...noticesQueryOptions(customerId, query), enabled: Boolean(customerId) });
}
