import type { z } from 'zod';
import { ApiRequestError } from './api-error';
import { ApiErrorSchema } from './errors';

import { CSRF_HEADER } from './headers';

export { ApiRequestError, translateError } from './api-error';
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

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toError(res: Response): Promise<ApiRequestError> {
  const parsed = ApiErrorSchema.safeParse(await res.json().catch(() => null));
  if (parsed.success) {
    const { code, message, resource, issues, params } = parsed.data.error;
    return new ApiRequestError(res.status, code, message, resource, issues, params);
  }
  return new ApiRequestError(res.status, 'internal_error', res.statusText);
}

/**
 * A fetch wrapper for both SPAs: cookies carry the session, responses are parsed
 * with the shared contract, errors arrive as ApiRequestError with the stable code.
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

  async function request<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
    const payload = body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body);
    const res = await send(method, path, payload, !isForm && body !== undefined);
    if (!res.ok) throw await toError(res);
    // 204 No Content (e.g. marking a thread read): there is no body to parse; the schema says null.
    return schema.parse(res.status === 204 ? null : await res.json());
  }

  return {
    get: <S extends z.ZodType>(path: string, schema: S, query?: Query) => request('GET', withQuery(path, query), schema),
    post: <S extends z.ZodType>(path: string, schema: S, body?: unknown) => request('POST', path, schema, body ?? {}),
    patch: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('PATCH', path, schema, body),
    put: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('PUT', path, schema, body),
    del: <S extends z.ZodType>(path: string, schema: S) => request('DELETE', path, schema),
    upload: <S extends z.ZodType>(path: string, schema: S, form: FormData) => request('POST', path, schema, form),
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
