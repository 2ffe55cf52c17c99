import { z } from 'zod';
import { ErrorCodeSchema } from '../errors';
import { CursorQuerySchema, cursorPageOf } from '../pagination';

/**
 * Spreadsheet imports (issue 9, section 3): upload a CSV or XLSX of one record kind, map its
 * columns to the kind's fields, dry-run it (every row applied and rolled back), commit it (every
 * row applied in one transaction). Rows are matched on the external id, so importing the same
 * file twice changes nothing.
 */
export const IMPORT_KINDS = ['properties', 'units', 'customers', 'leases'] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;

/** Data rows (the header row not counted) a file may hold. */
export const IMPORT_MAX_ROWS = 50_000;
/** Largest file accepted: 50,000 wide rows of CSV fit with room to spare. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
/** Above this many rows, dry run and commit run in the worker (with progress) instead of the request. */
export const IMPORT_WORKER_THRESHOLD = 500;

/**
 * uploaded: headers read, mapping not yet checked · queued / running: the worker has it (phase
 * says which) · checked: dry run done (see counts) · committed: applied · failed: the commit was
 * rolled back (row errors, or the worker gave up).
 */
export const ImportStatusSchema = z.enum(['uploaded', 'queued', 'running', 'checked', 'committed', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;
export const ImportPhaseSchema = z.enum(['dry_run', 'commit']);
export type ImportPhase = z.infer<typeof ImportPhaseSchema>;
export const ImportFormatSchema = z.enum(['csv', 'xlsx']);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;
export const RowOutcomeSchema = z.enum(['created', 'updated', 'unchanged', 'error']);
export type RowOutcome = z.infer<typeof RowOutcomeSchema>;

/** A field a column can be mapped to, e.g. `number`, `contactEmail`, `rent`. */
export const ImportFieldKeySchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/);

export const ImportCountsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

/** One problem of one row: its spreadsheet row number (the header is row 1), the column (as headed in the file) and why. */
export const ImportRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: ErrorCodeSchema,
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportRowResultSchema = z.object({
  row: z.number().int(),
  externalId: z.string().nullable(),
  outcome: RowOutcomeSchema,
});
export type ImportRowResult = z.infer<typeof ImportRowResultSchema>;

export const ImportFieldSchema = z.object({ key: ImportFieldKeySchema, required: z.boolean() });

export const ImportSummarySchema = z.object({
  id: z.uuid(),
  kind: ImportKindSchema,
  filename: z.string(),
  format: ImportFormatSchema,
  status: ImportStatusSchema,
  /** What the worker is doing or last did; null when nothing ran yet. */
  phase: ImportPhaseSchema.nullable(),
  rowCount: z.number().int(),
  /** Of the last dry run or commit; null before the first. */
  counts: ImportCountsSchema.nullable(),
  createdBy: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  committedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const ImportDetailSchema = ImportSummarySchema.extend({
  /** The file's column headers, in order. */
  headers: z.array(z.string()),
  /** Header → field key, or null for a column to ignore; a header missing here is an unknown column. */
  mapping: z.record(z.string(), ImportFieldKeySchema.nullable()),
  /** The fields this kind takes. */
  fields: z.array(ImportFieldSchema),
  /** Headers neither mapped nor ignored: a dry run or commit refuses them. */
  unknownColumns: z.array(z.string()),
  /** Required fields no column is mapped to. */
  missingFields: z.array(ImportFieldKeySchema),
  /** Rows done of the total while the worker runs. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  /** Whether dry run and commit go to the worker (more rows than IMPORT_WORKER_THRESHOLD). */
  background: z.boolean(),
  /** The first rows' outcomes of the last run (the whole list: errors.csv for the errors). */
  rows: z.array(ImportRowResultSchema),
  /** The first row errors of the last run; `errorCount` says how many there are in all. */
  errors: z.array(ImportRowErrorSchema),
  errorCount: z.number().int(),
});
export type ImportDetail = z.infer<typeof ImportDetailSchema>;

/** Outcomes and errors shown per import; the full error list is errors.csv. */
export const IMPORT_ROWS_SHOWN = 200;
export const IMPORT_ERRORS_SHOWN = 500;

export const ImportParamsSchema = z.object({ importId: z.uuid() });
export const ImportUploadQuerySchema = z.object({ kind: ImportKindSchema });
export const ImportMappingBodySchema = z.object({
  mapping: z.record(z.string().max(200), ImportFieldKeySchema.nullable()),
});
export type ImportMappingBody = z.infer<typeof ImportMappingBodySchema>;
export const ImportListQuerySchema = CursorQuerySchema.extend({ kind: ImportKindSchema.optional() });
export const ImportPageSchema = cursorPageOf(ImportSummarySchema);
export type ImportPage = z.infer<typeof ImportPageSchema>;
export const ImportTemplateParamsSchema = z.object({ kind: ImportKindSchema });
export const ImportTemplateQuerySchema = z.object({ format: ImportFormatSchema.default('xlsx') });
