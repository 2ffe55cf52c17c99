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
