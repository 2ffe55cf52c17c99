import { ApiRequestError, parseApiError } from './api-error';

import { CSRF_HEADER } from './headers';

export { ApiRequestError, parseApiError, translateError } from './api-error';
export { CSRF_HEADER, CUSTOMER_HEADER } from './headers';

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface ApiClientOptions {
  baseUrl: string;
  /** Path of the refresh endpoint; on a 401 the client refreshes once and retries. */
  refreshPath: string;
  headers?: () => Record<string, string | undefined>;
  onSignedOut?: () => void;
  fetch?: typeof fetch;
}

/**
 * The URL a GET with these query parameters goes to (`api.get(path, query)`): empty values are left
 * out, the rest kept in the object's order. Exported so a request started outside the client (the
 * portal's boot script, tenant-web/src/lib/early-requests.ts) names exactly the URL the client will.
 */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toError(res: Response): Promise<ApiRequestError> {
  const body = await res.json().catch(() => null);
  return parseApiError(res.status, body) ?? new ApiRequestError(res.status, 'internal_error', res.statusText);
}

/**
 * A fetch wrapper for both SPAs: cookies carry the session, responses are typed with the shared
 * contract (`api.get<ThreadPage>(…)`), errors arrive as ApiRequestError with the stable code.
 * Imports no zod (`zod-free.test.ts`).
 */
export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? fetch;
  let refreshing: Promise<boolean> | null = null;

  function refresh(): Promise<boolean> {
    refreshing ??= doFetch(options.baseUrl + options.refreshPath, {
      method: 'POST',
      credentials: 'include',
      headers: { [CSRF_HEADER]: '1' },
    })
      .then((r) => r.ok)
      .catch(() => false)
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  async function send(method: string, path: string, body: BodyInit | undefined, json: boolean, retry = true): Promise<Response> {
    const headers: Record<string, string> = { [CSRF_HEADER]: '1' };
    for (const [k, v] of Object.entries(options.headers?.() ?? {})) if (v) headers[k] = v;
    if (json) headers['content-type'] = 'application/json';
    const res = await doFetch(options.baseUrl + path, { method, body, headers, credentials: 'include' });
    if (res.status === 401 && retry && path !== options.refreshPath) {
      if (await refresh()) return send(method, path, body, json, false);
      options.onSignedOut?.();
    }
    return res;
  }

  /**
   * The answer's body typed as the contract says (`T` = `z.infer` of the shared schema, a type-only
   * import). Not parsed again: the API serialises every reply from its contract (and cross-checks it
   * with zod under NODE_ENV=test), so re-validating in the browser cost zod on every page (8S7).
   */
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
    const payload = body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body);
    const res = await send(method, path, payload, !isForm && body !== undefined);
    if (!res.ok) throw await toError(res);
    // 204 No Content (e.g. marking a thread read): there is no body; the caller's type says null.
    return (res.status === 204 ? null : await res.json()) as T;
  }

  return {
    get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
    patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
    put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
    del: <T>(path: string) => request<T>('DELETE', path),
    upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
    /** A file (a PDF, an image) with the same headers and refresh as the JSON calls. */
    blob: async (path: string) => {
      const res = await send('GET', path, undefined, false);
      if (!res.ok) throw await toError(res);
      return res.blob();
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
