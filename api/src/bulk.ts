import { BULK_MAX_ITEMS, type BulkItemError, type BulkItemResult, type BulkResult } from '@portico/shared/contracts/bulk';
import { ERROR_CODES, type ErrorCode } from '@portico/shared/errors';
import type { Locale } from '@portico/shared/locale';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, badRequest } from './errors';
import { translator } from './i18n';
import { isDependencyUnavailable } from './unavailable';

export type UpsertOutcome = { id: string; outcome: 'created' | 'updated' | 'unchanged' };

/** A `PUT …/by-external-id/{externalId}` answer: 201 with the record when it was created, else 200. */
export async function sendUpserted<R>(reply: FastifyReply, upserted: Promise<{ created: boolean; record: R }>) {
  const { created, record } = await upserted;
  return reply.status(created ? 201 : 200).send(record);
}

export type BulkOptions<T> = {
  /** The kind's `…UpsertSchema`: each item is validated on its own. */
  schema: z.ZodType<T>;
  /** The kind's upsert, given the pool: it runs each item in a transaction of its own. */
  upsert: (input: T) => Promise<UpsertOutcome>;
  /** Messages in the request's language, like every other error. */
  locale: Locale;
  /** Told about an item that failed for a reason that is no client's fault (reported as `internal_error`). */
  onUnexpected?: (err: unknown, index: number) => void;
};

/** The code a contract rule put on its zod issue (`params: { code }`), as the error handler reads it. */
function issueCode(issue: z.core.$ZodIssue): ErrorCode | undefined {
  const code = (issue as { params?: { code?: unknown } }).params?.code;
  return ERROR_CODES.includes(code as ErrorCode) ? (code as ErrorCode) : undefined;
}

const externalIdOf = (item: unknown) => {
  const value = item && typeof item === 'object' ? (item as { externalId?: unknown }).externalId : undefined;
  return typeof value === 'string' ? value.slice(0, 200) : null;
};

/**
 * Upserts up to BULK_MAX_ITEMS items one after the other, each in its own transaction, so a bad
 * item (invalid, an unknown reference, a taken number) fails alone and the others are committed.
 * An outage of Postgres fails the whole call (503, safe to retry: upserts are idempotent).
 */
export async function runBulk<T>(items: unknown[], options: BulkOptions<T>): Promise<BulkResult> {
  if (items.length > BULK_MAX_ITEMS) throw badRequest('bulk_too_many', { max: BULK_MAX_ITEMS });
  const t = translator(options.locale);
  const fail = (code: ErrorCode, extra: Partial<BulkItemError> = {}, params: Record<string, string | number> = {}): BulkItemError => ({
    code,
    message: t(`errors:${code}`, params),
    ...(Object.keys(params).length ? { params } : {}),
    ...extra,
  });
  const results: BulkItemResult[] = [];
  const summary = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const [index, item] of items.entries()) {
    const externalId = externalIdOf(item);
    const parsed = options.schema.safeParse(item);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue): { path: string; message: string; code?: ErrorCode } => {
        const code = issueCode(issue);
        return { path: issue.path.join('.'), ...(code ? { code, message: t(`errors:${code}`) } : { message: issue.message }) };
      });
      results.push({
        index,
        externalId,
        status: 'failed',
        error: fail(issues.find((i) => i.code)?.code ?? 'validation_failed', { issues }),
      });
      summary.failed++;
      continue;
    }
    try {
      const { id, outcome } = await options.upsert(parsed.data);
      results.push({ index, externalId, status: outcome, id });
      summary[outcome]++;
    } catch (err) {
      if (isDependencyUnavailable(err)) throw err;
      let error: BulkItemError;
      if (err instanceof AppError) error = fail(err.code, err.resource ? { resource: err.resource } : {}, err.params);
      else {
        options.onUnexpected?.(err, index);
        error = fail('internal_error');
      }
      results.push({ index, externalId, status: 'failed', error });
      summary.failed++;
    }
  }
  return { results, summary };
}

/** A bulk call may carry 1,000 items with their contacts or rent lines: more than the default 1 MB. */
export const BULK_BODY_LIMIT = 8 * 1024 * 1024;

/** The request's language and logger, for the items' messages and for failures that are no client's fault. */
export const bulkContext = (request: FastifyRequest) => ({
  locale: request.locale ?? 'en',
  onUnexpected: (err: unknown, index: number) => request.log.error({ err, index }, 'bulk item failed unexpectedly'),
});
