import type { Box } from '@portico/shared/contracts/messaging';

/** `cursor`: a page's nextCursor / previousCursor; none for the first page. */
export type ThreadListParams = { box: Box; cursor?: string | undefined; limit: number; customerId?: string };

export const messageKeys = {
  all: ['messages'] as const,
  lists: () => [...messageKeys.all, 'list'] as const,
  list: (params: ThreadListParams) => [...messageKeys.lists(), params] as const,
  unreadCount: () => [...messageKeys.all, 'unread-count'] as const,
  details: () => [...messageKeys.all, 'detail'] as const,
  detail: (threadId: string) => [...messageKeys.details(), threadId] as const,
};
