import type { LoaderFunctionArgs } from 'react-router';
import { threadsQueryOptions } from '@/features/messages/api/get-threads';
import { unreadCountQueryOptions } from '@/features/messages/api/get-unread-count';
import { threadListParams } from '@/features/messages/api/paths';
import { getSelection } from '@/lib/current-lease';
import { loadMe, loadSelection, prefetch } from './prefetch';
/**
 * /messages: the list the page shows (box and cursor from the URL, the selected lease) and the unread
 * badge. The list needs the selection, which needs /me; a returning user's stored selection is almost
 * always what /me confirms, so its page and the badge are asked for beside /me, not after it (one
 * round trip less before the first paint). Should /me resolve another lease, the page's own key is
 * fetched below and the early answer stays unused in the cache. On a fresh load the boot script has
 * usually sent these three GETs already (lib/early-requests.ts builds the same URLs from
 * `threadListParams`); the API client then takes those answers instead of asking again.
 */
export async function messagesLoader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const page = (leaseId: string | undefined) => prefetch(threadsQueryOptions(threadListParams(search, leaseId)));
  const stored = getSelection();
  const badge = stored ? prefetch(unreadCountQueryOptions()) : null;
  if (stored) void page(stored.leaseId ?? undefined);
  const context = await loadSelection();
  if (!context) return null;
  await Promise.all([page(context.selection?.leaseId ?? undefined), badge ?? prefetch(unreadCountQueryOptions())]);
  return null;
}

export async function threadLoader({ params }: LoaderFunctionArgs) {
  if (!(await loadMe()) || !params.threadId) return null;
  // Imported here, not at the top: /messages shares this module and need not load the thread's code.
  const { threadQueryOptions } = await import('@/features/messages/api/get-thread');
  await prefetch(threadQueryOptions(params.threadId));
  return null;
}
