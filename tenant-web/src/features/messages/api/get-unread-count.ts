import type { UnreadCount } from '@portico/shared/contracts/messaging';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { messageKeys } from './keys';
import { UNREAD_COUNT_PATH } from './paths';

export const UNREAD_POLL_MS = 30_000;

export function getUnreadCount() {
  return api.get<UnreadCount>(UNREAD_COUNT_PATH);
}

export const unreadCountQueryOptions = () =>
  queryOptions({ queryKey: messageKeys.unreadCount(), queryFn: getUnreadCount, refetchInterval: UNREAD_POLL_MS });

export function useUnreadCount(enabled = true) {
  return useQuery({ ...unreadCountQueryOptions(), enabled });
}
