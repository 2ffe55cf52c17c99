import { type PortalNoticeList, PortalNoticeListSchema } from '@portico/shared/contracts/content';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { noticeKeys } from './keys';

/** Current and planned notices for the acting customer's properties (optionally one property). */
export async function getNotices(propertyId?: string): Promise<PortalNoticeList> {
  const query = propertyId ? `?propertyId=${encodeURIComponent(propertyId)}` : '';
  return PortalNoticeListSchema.parse(await api.get<unknown>(`/api/v1/portal/operational-notices${query}`));
}

/** Refreshes itself every minute: a disruption can start while the page is open. */
export const noticesQueryOptions = (customerId: string, propertyId?: string) =>
  queryOptions({ queryKey: noticeKeys.list(customerId, propertyId), queryFn: () => getNotices(propertyId), refetchInterval: 60_000 });

export function useNotices(customerId: string, propertyId?: string, enabled = true) {
  return useQuery({ ...noticesQueryOptions(customerId, propertyId), enabled: Boolean(customerId) && enabled });
}
