import type { ImportKind } from '@portico/shared/contracts/imports';
import { and, asc, eq, getTableColumns, inArray, isNull, lt, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { importMappings, imports, type StoredRowError, type StoredRowResult } from '../../db/schema/imports';
import { landlords } from '../../db/schema/landlords';
import { staffUsers } from '../../db/schema/staff';

export type ImportRow = typeof imports.$inferSelect;
type NewImport = typeof imports.$inferInsert;

/** Every column but the per-row lists, which can be megabytes: those are read in slices. */
const { rowErrors: _e, rowResults: _r, ...summaryColumns } = getTableColumns(imports);

export async function insertImport(db: DbOrTx, row: NewImport) {
  const [inserted] = await db.insert(imports).values(row).returning({ id: imports.id });
  return inserted!;
}

export async function findImport(db: DbOrTx, params: { landlordId: string; importId: string }) {
  const [row] = await db
    .select(summaryColumns)
    .from(imports)
    .where(and(eq(imports.landlordId, params.landlordId), eq(imports.id, params.importId)));
  return row;
}
export type ImportHead = NonNullable<Awaited<ReturnType<typeof findImport>>>;

/** The first `rows` outcomes and `errors` errors of the last run, and how many errors there are. */
export async function findResults(db: DbOrTx, params: { landlordId: string; importId: string; rows: number; errors: number }) {
  const [row] = await db
    .select({
      rows: sql<StoredRowResult[]>`jsonb_path_query_array(${imports.rowResults}, ${`$[0 to ${params.rows - 1}]`}::jsonpath)`,
      errors: sql<StoredRowError[]>`jsonb_path_query_array(${imports.rowErrors}, ${`$[0 to ${params.errors - 1}]`}::jsonpath)`,
      errorCount: sql<number>`jsonb_array_length(${imports.rowErrors})`,
    })
    .from(imports)
    .where(and(eq(imports.landlordId, params.landlordId), eq(imports.id, params.importId)));
  return row!;
}

export async function findAllErrors(db: DbOrTx, params: { landlordId: string; importId: string }) {
  const [row] = await db
    .select({ errors: imports.rowErrors })
    .from(imports)
    .where(and(eq(imports.landlordId, params.landlordId), eq(imports.id, params.importId)));
  return row?.errors ?? [];
}

export async function updateImport(
  db: DbOrTx,
  params: { landlordId: string; importId: string },
  set: Partial<Omit<NewImport, 'id' | 'landlordId'>>,
) {
  await db
    .update(imports)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(imports.landlordId, params.landlordId), eq(imports.id, params.importId)));
}

/**
 * Moves an import to `queued` for a run unless it is already queued or running: the check and the
 * change are one statement, so two clicks queue one run. Answers the run number, or undefined.
 */
export async function queueRun(db: DbOrTx, params: { landlordId: string; importId: string; phase: 'dry_run' | 'commit' }) {
  const [row] = await db
    .update(imports)
    .set({
      status: 'queued',
      phase: params.phase,
      run: sql`${imports.run} + 1`,
      progressDone: 0,
      progressTotal: imports.rowCount,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(imports.landlordId, params.landlordId),
        eq(imports.id, params.importId),
        sql`${imports.status} not in ('queued', 'running', 'committed')`,
      ),
    )
    .returning({ run: imports.run });
  return row?.run;
}

/** Takes the run's import for the length of the caller's transaction (a second run of it waits, then sees the first's result). */
export async function lockImport(tx: DbOrTx, importId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`import:${importId}`}, 0))`);
}

export async function setProgress(db: DbOrTx, params: { landlordId: string; importId: string; done: number }) {
  await db
    .update(imports)
    .set({ progressDone: params.done })
    .where(and(eq(imports.landlordId, params.landlordId), eq(imports.id, params.importId)));
}

const importKeys = keyset(
  [
    { expr: imports.createdAt, type: 'timestamptz' },
    { expr: imports.id, type: 'uuid' },
  ],
  'desc',
);

/** Past imports, newest first; served by imports_landlord_created_idx. */
export async function listImports(
  db: DbOrTx,
  params: { landlordId: string; kind?: ImportKind | undefined; cursor?: string | undefined; limit: number },
) {
  const pos = importKeys.decode(params.cursor);
  const where = and(eq(imports.landlordId, params.landlordId), params.kind ? eq(imports.kind, params.kind) : undefined);
  const [rows, count] = await Promise.all([
    db
      .select({ row: summaryColumns, ...importKeys.select })
      .from(imports)
      .where(and(where, importKeys.where(pos)))
      .orderBy(...importKeys.orderBy(pos))
      .limit(params.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(imports)
        .where(where)
        .orderBy(...importKeys.orderBy()),
    ),
  ]);
  const paged = importKeys.page(rows, params.limit, pos);
  return { ...paged, items: paged.items.map((r) => r.row as ImportHead), ...count };
}

export async function findMapping(db: DbOrTx, params: { landlordId: string; kind: ImportKind }) {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.landlordId, params.landlordId), eq(importMappings.kind, params.kind)));
  return row?.mapping;
}

export async function saveMapping(db: DbOrTx, params: { landlordId: string; kind: ImportKind; mapping: Record<string, string | null> }) {
  await db
    .insert(importMappings)
    .values({ landlordId: params.landlordId, kind: params.kind, mapping: params.mapping })
    .onConflictDoUpdate({
      target: [importMappings.landlordId, importMappings.kind],
      set: { mapping: params.mapping, updatedAt: new Date() },
    });
}

export async function findLandlordLocale(db: DbOrTx, landlordId: string) {
  const [row] = await db.select({ locale: landlords.defaultLocale }).from(landlords).where(eq(landlords.id, landlordId));
  return row?.locale ?? 'en';
}

/** The staff user a queued run acts for, as they are now (deactivated or a role taken away since stops the run). */
export async function findStaff(db: DbOrTx, params: { landlordId: string; staffId: string }) {
  const [row] = await db
    .select({ id: staffUsers.id, landlordId: staffUsers.landlordId, role: staffUsers.role, name: staffUsers.name, email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.landlordId, params.landlordId), eq(staffUsers.id, params.staffId), isNull(staffUsers.deactivatedAt)));
  return row;
}

/**
 * Runs queued or running whose row has not moved since `before` (progress bumps `updated_at`):
 * the import reconciler checks whether BullMQ still has their job. Across landlords, oldest first;
 * served by imports_open_runs_idx (a partial index: open runs are few).
 */
export async function findStaleRuns(db: DbOrTx, before: Date, limit: number) {
  return db
    .select({ id: imports.id, landlordId: imports.landlordId, run: imports.run, createdById: imports.createdById })
    .from(imports)
    .where(and(inArray(imports.status, ['queued', 'running']), lt(imports.updatedAt, before)))
    .orderBy(asc(imports.updatedAt))
    .limit(limit);
}
