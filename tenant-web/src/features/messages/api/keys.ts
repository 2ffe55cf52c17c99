import type { Box } from '@portico/shared/contracts/messaging';
import { PORTAL_SCOPE } from '@/lib/query-client';

export interface ThreadListParams {
  box: Box;
  leaseId?: string | undefined;
  /** A page's nextCursor / previousCursor; none for the first page. */
  cursor?: string | undefined;
  limit: number;
}

export const messageKeys = {
  all: [PORTAL_SCOPE, 'messages'] as const,
  lists: () => [...messageKeys.all, 'list'] as const,
  list: (params: ThreadListParams) => [...messageKeys.lists(), params] as const,
  unreadCount: () => [...messageKeys.all, 'unread-count'] as const,
  details: () => [...messageKeys.all, 'detail'] as const,
  detail: (threadId: string) => [...messageKeys.details(), threadId] as const,
};
