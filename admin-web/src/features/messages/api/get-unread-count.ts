import type { UnreadCount } from '@portico/shared/contracts/messaging';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { messageKeys } from './query-keys';

export const UNREAD_POLL_MS = 30_000;

export const getUnreadCount = () => api.get<UnreadCount>('/api/v1/threads/unread-count');

export const unreadCountQueryOptions = () =>
  queryOptions({ queryKey: messageKeys.unreadCount(), queryFn: getUnreadCount, refetchInterval: UNREAD_POLL_MS, staleTime: 0 });

export const useUnreadCount = (options: { enabled?: boolean } = {}) =>
  useQuery({ ...unreadCountQueryOptions(), enabled: options.enabled ?? true });
