import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { landlords } from './landlords';
import { staffUsers } from './staff';

/** A row problem as stored: the message is rendered in the reader's language when read. */
export type StoredRowError = { row: number; column: string | null; code: string; params?: Record<string, string | number> };
/** One data row's outcome of the last run; `e` = error. Kept compact: a file may have 50,000 rows. */
export type StoredRowResult = { r: number; x: string | null; o: 'created' | 'updated' | 'unchanged' | 'error' };

/**
 * A spreadsheet import (issue 9, section 3). The uploaded file itself is in file storage under
 * `storage_key` (the same store as attachments); the row holds what was read from it (headers,
 * row count), the column mapping, and the outcome of the last dry run or commit. `status` is set
 * in the same transaction as the imported data, so a commit retried by the worker after a crash
 * sees `committed` and applies nothing twice.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    kind: text('kind', { enum: ['properties', 'units', 'customers', 'leases'] }).notNull(),
    status: text('status', { enum: ['uploaded', 'queued', 'running', 'checked', 'committed', 'failed'] })
      .notNull()
      .default('uploaded'),
    phase: text('phase', { enum: ['dry_run', 'commit'] }),
    filename: text('filename').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    storageKey: text('storage_key').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
    rowCount: integer('row_count').notNull(),
    counts: jsonb('counts').$type<{ created: number; updated: number; unchanged: number; errors: number }>(),
    rowErrors: jsonb('row_errors').$type<StoredRowError[]>().notNull().default(sql`'[]'::jsonb`),
    rowResults: jsonb('row_results').$type<StoredRowResult[]>().notNull().default(sql`'[]'::jsonb`),
    /** Rows done of `progress_total` while the worker runs; written outside the run's transaction so it is visible. */
    progressDone: integer('progress_done'),
    progressTotal: integer('progress_total'),
    /** Bumped per queued run: the worker's job id is `<id>:<run>`, so a stale job of an earlier run does nothing. */
    run: integer('run').notNull().default(0),
    createdById: uuid('created_by_id').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    // The list of past imports, newest first, by keyset on (created_at, id): read backward. Not
    // `.desc()`: drizzle writes DESC NULLS LAST, which `ORDER BY … DESC` (NULLS FIRST) cannot use.
    index('imports_landlord_created_idx').on(t.landlordId, t.createdAt, t.id),
    unique('imports_landlord_id_key').on(t.landlordId, t.id),
    // The import reconciler's scan (worker): only open runs, so it stays small whatever the history.
    index('imports_open_runs_idx').on(t.updatedAt).where(sql`${t.status} in ('queued', 'running')`),
    foreignKey({
      name: 'imports_created_by_fk',
      columns: [t.landlordId, t.createdById],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
  ],
);

/** The column mapping a landlord last saved per record kind, offered for the next file of that kind. */
export const importMappings = pgTable(
  'import_mappings',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    kind: text('kind', { enum: ['properties', 'units', 'customers', 'leases'] }).notNull(),
    /** Header (normalised: trimmed, lower case) → field key, or null for a column the landlord ignores. */
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.landlordId, t.kind] })],
);
