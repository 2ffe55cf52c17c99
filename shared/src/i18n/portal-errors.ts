/**
 * Error codes only the console and integrators meet: API keys, idempotency, bulk calls, imports,
 * webhooks and the changes feed. The tenant portal never calls those routes and never sends a key
 * or an Idempotency-Key, so its build leaves their messages out of the `errors` catalogue it loads
 * on every first page (issue 8's JS budget; tenant-web/build/portal-errors-plugin.ts).
 */
export const CONSOLE_ONLY_ERROR_PREFIXES = [
  'api_key_',
  'idempotency_',
  'bulk_',
  'import_',
  'webhook_',
  'event_',
  'bgmax_',
  'payment_import_',
  'billing_',
] as const;

export const isConsoleOnlyError = (code: string) => CONSOLE_ONLY_ERROR_PREFIXES.some((prefix) => code.startsWith(prefix));

/** The portal's `errors` catalogue: every message but the console-only ones. */
export function portalErrorCatalogue(catalogue: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(catalogue).filter(([code]) => !isConsoleOnlyError(code)));
}
