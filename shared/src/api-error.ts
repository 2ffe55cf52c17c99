import type { ErrorCode, Resource } from './errors';

/**
 * What the API client throws for an error answer. In a module of its own, without zod (`errors.ts`
 * builds schemas when imported), so code that only checks or translates errors — an SPA's query
 * client, its sign-in page — does not pull zod into the first chunk. `./http` re-exports both.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly resource?: Resource,
    /** `code` is set on issues with a rule of their own (`invalid_characters`…); translate those by code. */
    readonly issues?: { path: string; message: string; code?: ErrorCode }[],
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * The text for an error in the UI's language: the catalogue's `errors:<code>` filled with the
 * values the API sent (a password rule's minimum under the landlord's policy) over `defaults`.
 */
export function translateError(
  t: (key: string, values: Record<string, string | number>) => string,
  error: unknown,
  defaults: Record<string, string | number> = {},
): string {
  if (!(error instanceof ApiRequestError)) return t('errors:internal_error', defaults);
  return t(`errors:${error.code}`, { ...defaults, ...error.params });
}

type Issue = { path: string; message: string; code?: ErrorCode };
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIssue = (value: unknown): value is Issue =>
  isRecord(value) &&
  typeof value.path === 'string' &&
  typeof value.message === 'string' &&
  (value.code === undefined || typeof value.code === 'string');

/**
 * An error answer's body as an ApiRequestError, or null when it is not the `{ error: { code, message… } }`
 * shape of `ApiErrorSchema` (a proxy's HTML page, an empty body). A shape check without zod, so the
 * API client stays zod-free; the code is taken as sent (the API only sends codes of `ERROR_CODES`).
 */
export function parseApiError(status: number, body: unknown): ApiRequestError | null {
  const error = isRecord(body) ? body.error : undefined;
  if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string') return null;
  const { resource, issues, params } = error;
  if (resource !== undefined && typeof resource !== 'string') return null;
  if (issues !== undefined && !(Array.isArray(issues) && issues.every(isIssue))) return null;
  if (params !== undefined && !(isRecord(params) && Object.values(params).every((v) => typeof v === 'string' || typeof v === 'number')))
    return null;
  return new ApiRequestError(
    status,
    error.code as ErrorCode,
    error.message,
    resource as Resource | undefined,
    issues as Issue[] | undefined,
    (params as Record<string, string | number> | undefined) ?? {},
  );
}
