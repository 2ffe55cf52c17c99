import { randomUUID } from 'node:crypto';
import {
  IMPORT_ERRORS_SHOWN,
  IMPORT_ROWS_SHOWN,
  IMPORT_WORKER_THRESHOLD,
  type ImportDetail,
  type ImportFormat,
  type ImportKind,
  type ImportMappingBody,
  type ImportPage,
  type ImportPhase,
  type ImportRowError,
  type ImportSummary,
  MAX_IMPORT_BYTES,
} from '@portico/shared/contracts/imports';
import type { ErrorCode } from '@portico/shared/errors';
import type { Locale } from '@portico/shared/locale';
import type { CursorQuery } from '@portico/shared/pagination';
import type { StaffActor } from '../../actors';
import type { StoredRowError } from '../../db/schema/imports';
import type { Deps } from '../../deps';
import { badRequest, conflict, forbidden, notFound, tooLarge } from '../../errors';
import { translator } from '../../i18n';
import { applyRows, dryRun, Rollback, type RunResult } from './engine';
import { fieldLabel, fieldsOf, suggestMapping } from './fields';
import { normaliseHeader, readSheet, sniff } from './parse';
import { canImport } from './policy';
import * as repo from './repo';
import { templateFile } from './templates';

/** Hands a queued run to the worker (BullMQ); the API and tests give one. */
export type Enqueue = (job: { importId: string; landlordId: string; run: number; actorId: string }) => Promise<void>;
export type ImportDeps = Deps & { enqueue: Enqueue };

export function assertCanImport(actor: StaffActor) {
  if (!canImport(actor)) throw forbidden();
}

async function findOwn(deps: Deps, actor: StaffActor, importId: string) {
  assertCanImport(actor);
  const row = await repo.findImport(deps.db, { landlordId: actor.landlordId, importId });
  if (!row) throw notFound('import');
  return row;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toSummary(row: repo.ImportHead): ImportSummary {
  return {
    id: row.id,
    kind: row.kind,
    filename: row.filename,
    format: row.format,
    status: row.status,
    phase: row.phase,
    rowCount: row.rowCount,
    counts: row.counts,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    committedAt: iso(row.committedAt),
  };
}

/** Headers neither mapped nor ignored, and required fields no column is mapped to. */
function mappingGaps(kind: ImportKind, headers: string[], mapping: Record<string, string | null>) {
  const mapped = new Set(Object.values(mapping));
  return {
    unknownColumns: headers.filter((h) => !(h in mapping)),
    missingFields: fieldsOf(kind)
      .filter((f) => f.required && !mapped.has(f.key))
      .map((f) => f.key),
  };
}

export function renderError(locale: Locale, e: StoredRowError): ImportRowError {
  const code = e.code as ErrorCode;
  return { row: e.row, column: e.column, code, message: translator(locale)(`errors:${code}`, e.params ?? {}) };
}

async function detail(deps: Deps, row: repo.ImportHead, locale: Locale): Promise<ImportDetail> {
  const results = await repo.findResults(deps.db, {
    landlordId: row.landlordId,
    importId: row.id,
    rows: IMPORT_ROWS_SHOWN,
    errors: IMPORT_ERRORS_SHOWN,
  });
  const busy = row.status === 'queued' || row.status === 'running';
  return {
    ...toSummary(row),
    headers: row.headers,
    mapping: row.mapping,
    fields: fieldsOf(row.kind).map((f) => ({ key: f.key, required: !!f.required })),
    ...mappingGaps(row.kind, row.headers, row.mapping),
    progress: busy ? { done: row.progressDone ?? 0, total: row.progressTotal ?? row.rowCount } : null,
    background: row.rowCount > IMPORT_WORKER_THRESHOLD,
    rows: results.rows.map((r) => ({ row: r.r, externalId: r.x, outcome: r.o })),
    errors: results.errors.map((e) => renderError(locale, e)),
    errorCount: results.errorCount,
  };
}

/** Reads the upload (sniffed, at most IMPORT_MAX_ROWS rows), stores the file and suggests a mapping. */
export async function upload(
  deps: Deps,
  actor: StaffActor,
  input: { kind: ImportKind; filename: string; data: Buffer },
  locale: Locale,
): Promise<ImportDetail> {
  assertCanImport(actor);
  if (input.data.length > MAX_IMPORT_BYTES) throw tooLarge('upload_too_large', { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
  const format = await sniff(input.data);
  const sheet = await readSheet(input.data, format);
  const remembered = await repo.findMapping(deps.db, { landlordId: actor.landlordId, kind: input.kind });
  const id = randomUUID();
  await deps.storage.put(id, input.data);
  try {
    await repo.insertImport(deps.db, {
      id,
      landlordId: actor.landlordId,
      kind: input.kind,
      filename: cleanFilename(input.filename, format),
      format,
      storageKey: id,
      headers: sheet.headers,
      mapping: suggestMapping(input.kind, sheet.headers, remembered),
      rowCount: sheet.rows.length,
      createdById: actor.id,
      createdByName: actor.name,
    });
  } catch (err) {
    await deps.storage.remove(id);
    throw err;
  }
  return getImport(deps, actor, id, locale);
}

function cleanFilename(name: string, format: ImportFormat) {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}|"/gu, '')
    .trim()
    .slice(0, 200);
  return base || `import.${format}`;
}

export async function getImport(deps: Deps, actor: StaffActor, importId: string, locale: Locale) {
  return detail(deps, await findOwn(deps, actor, importId), locale);
}

export async function listImports(
  deps: Deps,
  actor: StaffActor,
  query: CursorQuery & { kind?: ImportKind | undefined },
): Promise<ImportPage> {
  assertCanImport(actor);
  const page = await repo.listImports(deps.db, { landlordId: actor.landlordId, ...query });
  return { ...page, items: page.items.map(toSummary) };
}

/**
 * Saves the import's mapping (header → field, null = ignore) and remembers it for the landlord's
 * next file of this kind. A new mapping voids the last dry run.
 */
export async function saveMapping(deps: Deps, actor: StaffActor, importId: string, body: ImportMappingBody, locale: Locale) {
  const row = await findOwn(deps, actor, importId);
  if (row.status === 'committed') throw conflict('import_already_committed');
  if (row.status === 'queued' || row.status === 'running') throw conflict('import_busy');
  const fields = new Set(fieldsOf(row.kind).map((f) => f.key));
  const problems: string[] = [];
  const used = new Map<string, string>();
  for (const [header, field] of Object.entries(body.mapping)) {
    if (!row.headers.includes(header)) problems.push(header);
    else if (field !== null && !fields.has(field)) problems.push(`${header} → ${field}`);
    else if (field !== null && used.has(field)) problems.push(`${used.get(field)}, ${header} → ${field}`);
    if (field !== null) used.set(field, header);
  }
  if (problems.length) throw badRequest('import_mapping_invalid', { detail: problems.slice(0, 5).join('; ') });
  await deps.db.transaction(async (tx) => {
    await repo.updateImport(
      tx,
      { landlordId: actor.landlordId, importId },
      { mapping: body.mapping, status: 'uploaded', phase: null, counts: null, rowErrors: [], rowResults: [] },
    );
    const remembered = (await repo.findMapping(tx, { landlordId: actor.landlordId, kind: row.kind })) ?? {};
    for (const [header, field] of Object.entries(body.mapping)) remembered[normaliseHeader(header)] = field;
    await repo.saveMapping(tx, { landlordId: actor.landlordId, kind: row.kind, mapping: remembered });
  });
  return getImport(deps, actor, importId, locale);
}

/**
 * Starts a dry run or a commit: in the request for a small file, in the worker above
 * IMPORT_WORKER_THRESHOLD rows (answered at once with status `queued`; poll the import for
 * progress). A commit is refused while the last check found errors.
 */
export async function startRun(deps: ImportDeps, actor: StaffActor, importId: string, phase: ImportPhase, locale: Locale) {
  const row = await findOwn(deps, actor, importId);
  if (row.status === 'committed') throw conflict('import_already_committed');
  if (row.status === 'queued' || row.status === 'running') throw conflict('import_busy');
  if (phase === 'commit' && (row.counts?.errors ?? 0) > 0) throw conflict('import_has_errors');
  const gaps = mappingGaps(row.kind, row.headers, row.mapping);
  if (gaps.unknownColumns.length) throw badRequest('import_unknown_columns', { columns: gaps.unknownColumns.join(', ') });
  if (gaps.missingFields.length) {
    throw badRequest('import_missing_fields', { fields: gaps.missingFields.map((f) => fieldLabel(row.kind, f, locale)).join(', ') });
  }
  const ids = { landlordId: actor.landlordId, importId };
  if (row.rowCount > IMPORT_WORKER_THRESHOLD) {
    const run = await repo.queueRun(deps.db, { ...ids, phase });
    if (run === undefined) throw conflict('import_busy');
    try {
      await deps.enqueue({ ...ids, run, actorId: actor.id });
    } catch (err) {
      // Redis away: the import goes back to where it was, so the same request can start it again.
      await repo.updateImport(deps.db, ids, { status: row.status, phase: row.phase, progressDone: null, progressTotal: null });
      throw err;
    }
    return { queued: true, detail: await getImport(deps, actor, importId, locale) };
  }
  await execute(deps, actor, row, phase);
  return { queued: false, detail: await getImport(deps, actor, importId, locale) };
}

async function readFile(deps: Deps, storageKey: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of deps.storage.read(storageKey)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * One run of an import. A dry run applies every row in a transaction that is rolled back, then
 * stores what happened. A commit applies them in one transaction that also sets the import to
 * `committed` — or, when any row fails, rolls back whole and stores the errors (status `failed`).
 * The transaction first takes the import's lock and re-reads its status, so a second run of the
 * same commit (a double click, a worker retry after a crash) waits and then finds it committed.
 */
async function execute(
  deps: Deps,
  actor: StaffActor,
  row: repo.ImportHead,
  phase: ImportPhase,
  onProgress?: (done: number) => Promise<void>,
) {
  const ids = { landlordId: row.landlordId, importId: row.id };
  const sheet = await readSheet(await readFile(deps, row.storageKey), row.format);
  const store = (result: RunResult, status: 'checked' | 'failed') =>
    repo.updateImport(deps.db, ids, {
      status,
      phase,
      counts: result.counts,
      rowErrors: result.errors,
      rowResults: result.results,
      progressDone: null,
      progressTotal: null,
    });
  if (phase === 'dry_run') {
    const result = await dryRun(deps.db, (tx) => applyRows(tx, actor, row.kind, sheet, row.mapping, onProgress));
    await store(result, 'checked');
    return;
  }
  try {
    await deps.db.transaction(async (tx) => {
      await repo.lockImport(tx, row.id);
      const now = await repo.findImport(tx, ids);
      if (!now || now.status === 'committed') return;
      const result = await applyRows(tx, actor, row.kind, sheet, row.mapping, onProgress);
      if (result.counts.errors > 0) throw new Rollback(result);
      await repo.updateImport(tx, ids, {
        status: 'committed',
        phase,
        counts: result.counts,
        rowErrors: [],
        rowResults: result.results,
        committedAt: new Date(),
        progressDone: null,
        progressTotal: null,
      });
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    await store(err.result, 'failed');
  }
}

/**
 * The worker's side of a queued run (shared/src/jobs.ts `import`). Idempotent: a job of an
 * earlier run, or one whose run already finished, does nothing; a commit's own transaction
 * re-checks the status under the import's lock.
 */
export async function runQueued(deps: Deps, job: { importId: string; landlordId: string; run: number; actorId: string }) {
  const ids = { landlordId: job.landlordId, importId: job.importId };
  const row = await repo.findImport(deps.db, ids);
  if (!row || row.run !== job.run || (row.status !== 'queued' && row.status !== 'running') || !row.phase) return 'skipped';
  const staff = await repo.findStaff(deps.db, { landlordId: job.landlordId, staffId: job.actorId });
  const actor: StaffActor | undefined = staff ? { kind: 'staff', ...staff } : undefined;
  if (!actor || !canImport(actor)) {
    await repo.updateImport(deps.db, ids, { status: 'failed', progressDone: null, progressTotal: null });
    return 'refused';
  }
  await repo.updateImport(deps.db, ids, { status: 'running', progressDone: 0, progressTotal: row.rowCount });
  // Progress goes through the pool (another connection than the run's transaction), so it is visible while the run goes on.
  await execute(deps, actor, row, row.phase, (done) => repo.setProgress(deps.db, { ...ids, done }));
  return 'done';
}

/** After the worker's last try: the run is over, nothing was applied (its transaction rolled back). */
export async function markRunFailed(deps: Deps, job: { importId: string; landlordId: string; run: number }) {
  const row = await repo.findImport(deps.db, { landlordId: job.landlordId, importId: job.importId });
  if (!row || row.run !== job.run || row.status === 'committed') return;
  await repo.updateImport(
    deps.db,
    { landlordId: job.landlordId, importId: job.importId },
    {
      status: 'failed',
      progressDone: null,
      progressTotal: null,
      counts: { created: 0, updated: 0, unchanged: 0, errors: 0 },
      rowErrors: [{ row: 0, column: null, code: 'import_failed' }],
      rowResults: [],
    },
  );
}

/** Every row error of the last run as CSV (row, column, message) in the reader's language, for Excel. */
export async function errorReport(deps: Deps, actor: StaffActor, importId: string, locale: Locale) {
  const row = await findOwn(deps, actor, importId);
  const errors = await repo.findAllErrors(deps.db, { landlordId: actor.landlordId, importId });
  const t = translator(locale);
  const sep = locale === 'en' ? ',' : ';';
  const quote = (v: string | number) => `"${String(v).replaceAll('"', '""')}"`;
  const lines = [
    [t('imports:report.row'), t('imports:report.column'), t('imports:report.message')],
    ...errors.map((e) => {
      const r = renderError(locale, e);
      return [r.row, r.column ?? '', r.message];
    }),
  ].map((cells) => cells.map(quote).join(sep));
  const base = row.filename.replace(/\.[^.]+$/, '');
  return { filename: `${base}-${t('imports:report.suffix')}.csv`, body: `\uFEFF${lines.join('\r\n')}\r\n` };
}

/** A file with the kind's headers and two example rows, in the landlord's language. */
export async function template(deps: Deps, actor: StaffActor, kind: ImportKind, format: ImportFormat) {
  assertCanImport(actor);
  const locale = await repo.findLandlordLocale(deps.db, actor.landlordId);
  return templateFile(kind, format, locale);
}
