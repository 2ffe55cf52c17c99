import type {
  NoticeCreate,
  NoticeDeliveryPage,
  NoticeDetail,
  NoticeListQuery,
  NoticePage,
  NoticePatch,
  NoticeResolve,
} from '@portico/shared/contracts/operational-info';
import type { PropertyPage } from '@portico/shared/contracts/properties';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type NoticeListParams = Partial<Omit<NoticeListQuery, 'limit'>> & { limit: number };
export type DeliveryListParams = { cursor?: string | undefined; limit: number };

export const noticeKeys = {
  all: ['operational-notices'] as const,
  lists: () => [...noticeKeys.all, 'list'] as const,
  list: (params: NoticeListParams) => [...noticeKeys.lists(), params] as const,
  detail: (id: string) => [...noticeKeys.all, 'detail', id] as const,
  deliveries: (id: string, params: DeliveryListParams) => [...noticeKeys.all, 'deliveries', id, params] as const,
  properties: () => [...noticeKeys.all, 'property-options'] as const,
};

export const getNotices = (params: NoticeListParams) => api.get<NoticePage>('/api/v1/operational-notices', params);
export const useNotices = (params: NoticeListParams) =>
  useQuery(queryOptions({ queryKey: noticeKeys.list(params), queryFn: () => getNotices(params), placeholderData: keepPreviousData }));

export const getNotice = (id: string) => api.get<NoticeDetail>(`/api/v1/operational-notices/${encodeURIComponent(id)}`);
export const useNotice = (id: string) => useQuery(queryOptions({ queryKey: noticeKeys.detail(id), queryFn: () => getNotice(id) }));

export const getNoticeDeliveries = (id: string, params: DeliveryListParams) =>
  api.get<NoticeDeliveryPage>(`/api/v1/operational-notices/${encodeURIComponent(id)}/deliveries`, params);
export const useNoticeDeliveries = (id: string, params: DeliveryListParams, enabled: boolean) =>
  useQuery({
    queryKey: noticeKeys.deliveries(id, params),
    queryFn: () => getNoticeDeliveries(id, params),
    placeholderData: keepPreviousData,
    enabled,
    // Deliveries settle within seconds to minutes: the table follows without a reload.
    refetchInterval: 15_000,
  });

/** The properties a notice can name (the first 100 by name; a landlord with more picks "all" or searches later). */
export const usePropertyOptions = () =>
  useQuery({
    queryKey: noticeKeys.properties(),
    queryFn: () => api.get<PropertyPage>('/api/v1/properties', { archived: 'false', sort: 'name', limit: 100 }),
    select: (page) => page.items.map((p) => ({ value: p.id, label: p.name })),
  });

function useSaved() {
  const queryClient = useQueryClient();
  return (notice: NoticeDetail) => {
    queryClient.setQueryData(noticeKeys.detail(notice.id), notice);
    void queryClient.invalidateQueries({ queryKey: noticeKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: [...noticeKeys.all, 'deliveries', notice.id] });
  };
}

export function useCreateNotice() {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: (body: NoticeCreate) => api.post<NoticeDetail>('/api/v1/operational-notices', body), onSuccess });
}

export function useUpdateNotice(id: string) {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: (body: NoticePatch) => api.patch<NoticeDetail>(`/api/v1/operational-notices/${id}`, body), onSuccess });
}

export function useResolveNotice(id: string) {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: (body: NoticeResolve) => api.post<NoticeDetail>(`/api/v1/operational-notices/${id}/resolve`, body),
    onSuccess,
  });
}

/** A failed e-mail or SMS goes back in line through the deliveries module's retry. */
export function useRetryDelivery(noticeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => api.post(`/api/v1/deliveries/${deliveryId}/retry`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: noticeKeys.detail(noticeId) });
      void queryClient.invalidateQueries({ queryKey: [...noticeKeys.all, 'deliveries', noticeId] });
    },
  });
}
