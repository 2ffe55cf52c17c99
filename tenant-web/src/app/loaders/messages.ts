import { cursorOrUndefined, isBox } from '@portico/shared/list-params';
import type { LoaderFunctionArgs } from 'react-router';
import { threadsQueryOptions } from '@/features/messages/api/get-threads';
import { unreadCountQueryOptions } from '@/features/messages/api/get-unread-count';
import { THREAD_PAGE_SIZE } from '@/features/messages/components/thread-list';
import { loadMe, loadSelection, prefetch } from './prefetch';
/** /messages: the list the page shows (box and cursor from the URL, the selected lease) and the unread badge. */
export async function messagesLoader({ request }: LoaderFunctionArgs) {
  const context = await loadSelection();
  if (!context) return null;
  const params = new URL(request.url).searchParams;
  const requested = params.get('box');
  const box = isBox(requested) ? requested : 'inbox';
  const cursor = cursorOrUndefined(params.get('cursor'));
  const leaseId = context.selection?.leaseId ?? undefined;
  await Promise.all([
    prefetch(threadsQueryOptions({ box, leaseId, cursor, limit: THREAD_PAGE_SIZE })),
    prefetch(unreadCountQueryOptions()),
  ]);
  return null;
}

export async function threadLoader({ params }: LoaderFunctionArgs) {
  if (!(await loadMe()) || !params.threadId) return null;
  // Imported here, not at the top: /messages shares this module and need not load the thread's code.
  const { threadQueryOptions } = await import('@/features/messages/api/get-thread');
  await prefetch(threadQueryOptions(params.threadId));
  return null;
}
