import { CSRF_HEADER, CUSTOMER_HEADER } from '@portico/shared/headers';
import { withQuery } from '@portico/shared/http';
import { ME_PATH } from '../features/auth/api/paths';
import { THREADS_PATH, threadListParams, UNREAD_COUNT_PATH } from '../features/messages/api/paths';
import type { LeaseSelection } from './selection-storage';

/**
 * Data requests started by the inline boot script (src/boot.ts) while the app's JS is still
 * downloading and evaluating, so a fresh load of a signed-in page does not wait for the entry before
 * it asks the API (decision 8S14). They are sent exactly as the API client sends them (cookies, the
 * CSRF header, the customer header), and the API client takes them instead of fetching
 * (`earlyFetch`): the answer goes through the same client code — a 401 still refreshes the session
 * and, if that fails, signs out to /login; the body is read and typed by the same query functions.
 * Each early answer is used at most once and only within EARLY_TTL_MS; one the app never asks for
 * (another lease resolved by /me, say) is simply dropped.
 */
const GLOBAL = '__porticoEarly';
export const EARLY_TTL_MS = 30_000;

interface EarlyRequest {
  url: string;
  customer: string | null;
  response: Promise<Response>;
  expires: number;
}

type EarlyWindow = { [GLOBAL]?: EarlyRequest[] };

/**
 * The GETs the page at `pathname` + `search` will make first, for a returning user (a stored
 * selection: someone who was signed in here before). Only /messages for now (the first page after
 * sign-in): /me, the unread badge and the list page its loader asks for (app/loaders/messages.ts).
 */
export function earlyRequests(pathname: string, search: string, stored: LeaseSelection | null): string[] {
  const path = pathname.replace(/\/+$/, '').toLowerCase();
  if (path !== '/messages' || !stored) return [];
  const params = threadListParams(new URLSearchParams(search), stored.leaseId ?? undefined);
  return [ME_PATH, UNREAD_COUNT_PATH, withQuery(THREADS_PATH, params)];
}

/** Starts the requests (boot script). Headers as `createApiClient`'s `send` sets them for a GET. */
export function sendEarly(urls: readonly string[], customerId: string | undefined): void {
  if (!urls.length || typeof fetch !== 'function') return;
  const headers: Record<string, string> = { [CSRF_HEADER]: '1' };
  if (customerId) headers[CUSTOMER_HEADER] = customerId;
  const expires = Date.now() + EARLY_TTL_MS;
  (window as EarlyWindow)[GLOBAL] = urls.map((url) => {
    const response = fetch(url, { method: 'GET', headers, credentials: 'include' });
    // An unused early request must not end up as an unhandled rejection.
    response.catch(() => undefined);
    return { url, customer: customerId ?? null, response, expires };
  });
}

/**
 * A fetch for the API client: a GET the boot script already started (same URL, same customer header)
 * gets that answer, once; everything else (and an early request that failed on the network) is
 * fetched. The client always passes a method and a plain header object.
 */
export function earlyFetch(base: typeof fetch = (input, init) => fetch(input, init)): typeof fetch {
  return (input, init) => {
    const list = typeof window === 'undefined' ? undefined : (window as EarlyWindow)[GLOBAL];
    const customer = (init?.headers as Record<string, string | undefined> | undefined)?.[CUSTOMER_HEADER] ?? null;
    const now = Date.now();
    const index =
      list && init?.method === 'GET' ? list.findIndex((e) => e.url === input && e.customer === customer && e.expires > now) : -1;
    const early = index >= 0 ? list?.splice(index, 1)[0] : undefined;
    return early ? early.response.catch(() => base(input, init)) : base(input, init);
  };
}
