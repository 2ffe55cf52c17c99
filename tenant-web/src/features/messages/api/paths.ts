import { type Box, cursorOrUndefined, isBox } from '@portico/shared/list-params';

/**
 * The portal's thread list requests, free of React and React Query: the /messages loader, the list
 * and the boot script's early requests (lib/early-requests.ts) build them here, so all name the same
 * URL (relative imports only: the boot script is built apart from the app's aliases).
 */
export const THREADS_PATH = '/api/v1/portal/threads';
export const UNREAD_COUNT_PATH = '/api/v1/portal/threads/unread-count';
export const THREAD_PAGE_SIZE = 20;

/** The page /messages shows: box and cursor from the URL's query, the lease the portal acts for. */
export function threadListParams(search: URLSearchParams, leaseId: string | undefined) {
  const requested = search.get('box');
  const box: Box = isBox(requested) ? requested : 'inbox';
  return { box, leaseId, cursor: cursorOrUndefined(search.get('cursor')), limit: THREAD_PAGE_SIZE };
}
