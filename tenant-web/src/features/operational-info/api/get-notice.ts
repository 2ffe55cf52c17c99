import { type PortalNoticeDetail, PortalNoticeDetailSchema } from '@portico/shared/contracts/operational-info';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { noticeKeys } from './keys';

export async function getNotice(noticeId: string): Promise<PortalNoticeDetail> {
  return PortalNoticeDetailSchema.parse(await api.get<unknown>(`/api/v1/portal/operational-notices/${encodeURIComponent(noticeId)}`));
}

export const noticeQueryOptions = (customerId: string, noticeId: string) =>
  queryOptions({ queryKey: noticeKeys.detail(customerId, noticeId), queryFn: () => getNotice(noticeId) });

export function useNotice(customerId: string, noticeId: string) {
  return useQuery({ ...noticeQueryOptions(customerId, noticeId), enabled: Boolean(customerId && noticeId) });
}

/** The planned work's calendar file (the customer header travels with the fetch, so it is downloaded as a blob). */
export async function downloadCalendar(noticeId: string) {
  const blob = await api.blob(`/api/v1/portal/operational-notices/${encodeURIComponent(noticeId)}/calendar.ics`);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'planned-work.ics';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
