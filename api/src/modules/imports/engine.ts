import type { ImportCounts, ImportKind } from '@portico/shared/contracts/imports';
import { ERROR_CODES, type ErrorCode } from '@portico/shared/errors';
import type { StaffActor } from '../../actors';
import type { DbOrTx, Tx } from '../../db/client';
import type { StoredRowError, StoredRowResult } from '../../db/schema/imports';
import { AppError } from '../../errors';
import { convert, KINDS, type Values } from './fields';
import { IMPORTERS, type Importer } from './importers';
import type { Sheet } from './parse';

export type RunResult = { counts: ImportCounts; results: StoredRowResult[]; errors: StoredRowError[] };

/** How often (in rows) a long run reports its progress. */
export const PROGRESS_EVERY = 250;

type ZodIssueLike = { code: string; path: PropertyKey[]; message: string; params?: { code?: unknown } };

const isErrorCode = (code: unknown): code is ErrorCode => ERROR_CODES.includes(code as ErrorCode);

/** A contract's issue as a catalogue code: its own code where it has one (identity number, characters…). */
function issueCode(issue: ZodIssueLike, value: unknown): ErrorCode {
  if (isErrorCode(issue.params?.code)) return issue.params.code;
  const fromMessage = issue.message.startsWith('errors:') ? issue.message.slice(7) : issue.message;
  if (isErrorCode(fromMessage) && fromMessage !== 'validation_failed') return fromMessage;
  if (value === undefined || value === null) return 'import_value_required';
  if (issue.code === 'too_big' && (typeof value === 'string' || Array.isArray(value))) return 'import_value_too_long';
  return 'import_value_invalid';
}

const valueAt = (input: unknown, path: PropertyKey[]) =>
  path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), input);

/** Postgres refusing a row's data (SQLSTATE class 22 data exception, 23 integrity): that row's fault, not the run's. */
function isRowDataError(err: unknown): boolean {
  const code = (err as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (err as { code?: unknown }).code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

/** A transaction rolled back on purpose, carrying the run's outcome out of it. */
export class Rollback extends Error {
  constructor(readonly result: RunResult) {
    super('rollback');
  }
}

/**
 * Applies every row through the kind's upsert, in the caller's transaction, each row in a
 * savepoint of its own: a refused row is rolled back alone and reported, and the rest go on, so
 * one run reports every row's outcome. References between rows of the file and to stored records
 * resolve exactly as they will at commit, because they are the same writes.
 */
export async function applyRows(
  tx: Tx,
  actor: StaffActor,
  kind: ImportKind,
  sheet: Sheet,
  mapping: Record<string, string | null>,
  onProgress?: (done: number) => Promise<void>,
): Promise<RunResult> {
  const importer = IMPORTERS[kind] as Importer;
  const spec = KINDS[kind];
  const columns = sheet.headers.map((header) => {
    const key = mapping[header];
    return { header, field: key ? spec.fields.find((f) => f.key === key) : undefined };
  });
  const headerOf = (key: string | undefined) => columns.find((c) => c.field?.key === key)?.header ?? null;
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, errors: 0 };
  const results: StoredRowResult[] = [];
  const errors: StoredRowError[] = [];
  const firstRowOf = new Map<string, number>();

  for (const [i, row] of sheet.rows.entries()) {
    const rowErrors: StoredRowError[] = [];
    const fail = (key: string | undefined, code: ErrorCode, params?: Record<string, string | number>) =>
      rowErrors.push({ row: row.line, column: headerOf(key), code, ...(params ? { params } : {}) });

    const values: Values = {};
    for (const [c, column] of columns.entries()) {
      const text = row.cells[c] ?? '';
      if (!column.field || text === '') continue;
      const converted = convert(column.field, text);
      if ('invalid' in converted) fail(column.field.key, 'import_value_invalid');
      else values[column.field.key] = converted.value;
    }
    const externalId = typeof values.externalId === 'string' ? values.externalId : null;
    if (externalId !== null) {
      const first = firstRowOf.get(externalId);
      if (first !== undefined) fail('externalId', 'import_duplicate_external_id', { value: externalId, row: first });
      else firstRowOf.set(externalId, row.line);
    }

    if (rowErrors.length === 0) {
      const built = spec.build(values);
      const parsed = importer.schema.safeParse(built.input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues as ZodIssueLike[]) {
          fail(built.fieldOf(issue.path), issueCode(issue, valueAt(built.input, issue.path)));
        }
      } else {
        try {
          const { outcome } = await tx.transaction((savepoint) => importer.upsert(savepoint, actor, parsed.data as never));
          counts[outcome]++;
          results.push({ r: row.line, x: externalId, o: outcome });
        } catch (err) {
          if (err instanceof AppError) {
            const field = importer.fieldOfError?.(err);
            if (err.code === 'not_found') fail(field, 'import_unknown_reference', { value: String(valueOfField(values, field) ?? '') });
            else fail(field, err.code, err.params);
          } else if (isRowDataError(err)) fail(undefined, 'import_row_failed');
          // Anything else (the connection lost, a bug) ends the run: its transaction rolls back whole.
          else throw err;
        }
      }
    }
    if (rowErrors.length) {
      counts.errors++;
      errors.push(...rowErrors);
      results.push({ r: row.line, x: externalId, o: 'error' });
    }
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) await onProgress(i + 1);
  }
  return { counts, results, errors };
}

/** The cell value an error names (the unknown reference); a list names its items joined. */
function valueOfField(values: Values, field: string | undefined) {
  const v = field ? values[field] : undefined;
  return Array.isArray(v) ? v.join(', ') : (v as string | number | undefined);
}

/** Runs rows in a transaction that is always rolled back: a dry run writes nothing. */
export async function dryRun(db: DbOrTx, run: (tx: Tx) => Promise<RunResult>): Promise<RunResult> {
  try {
    await db.transaction(async (tx) => {
      throw new Rollback(await run(tx));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.result;
    throw err;
  }
  throw new Error('unreachable');
}
