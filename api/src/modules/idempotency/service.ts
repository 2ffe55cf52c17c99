import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import * as repo from './repo';

/** How long an answer is kept and replayed (Stripe's 24 hours); the retention loop deletes it after. */
export const IDEMPOTENCY_RETENTION_SECONDS = 24 * 3600;
/**
 * An in-progress claim older than this is taken to be abandoned (the API process died between the
 * claim and storing the answer) and a retry of the same request may take it over. Far longer than
 * any request may run (statements are cancelled after the pool's statement timeout).
 */
export const IDEMPOTENCY_ABANDON_SECONDS = 5 * 60;
/** What a concurrent duplicate is told to wait before trying again. */
export const IDEMPOTENCY_RETRY_AFTER_SECONDS = 1;

/** Visible ASCII and spaces, 1–255 characters (a UUID v4 is what we suggest). */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;
export const isValidIdempotencyKey = (key: string) => KEY_PATTERN.test(key) && key.trim().length > 0;

/** JSON with object keys sorted at every depth, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** SHA-256 over the method, the path with its query, and the SHA-256 of the canonical body. */
export function fingerprint(method: string, url: string, body: unknown): string {
  const bodyHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
  return createHash('sha256').update(`${method.toUpperCase()} ${url}\n${bodyHash}`).digest('hex');
}

/** Retention pass (worker): answers older than the replay window. */
export async function purgeExpiredIdempotencyKeys(deps: { db: DbOrTx }, now = new Date()) {
  return repo.purgeBefore(deps.db, new Date(now.getTime() - IDEMPOTENCY_RETENTION_SECONDS * 1000));
}
