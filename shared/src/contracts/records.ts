import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { oneLine } from '../text';

/**
 * What every master record (property, unit, customer, lease…) shares: an optional external id that
 * imports and integrators match on (unique per landlord), archiving instead of deleting, and a
 * per-record change history (issue 9).
 */
export const ExternalIdSchema = oneLine().min(1).max(100);

/** Lists show live records by default; `archived=true` shows only archived ones, `all` both. */
export const ArchivedFilterSchema = z.enum(['false', 'true', 'all']).default('false');
export type ArchivedFilter = z.infer<typeof ArchivedFilterSchema>;

export const RECORD_TYPES = ['property', 'unit', 'customer', 'contact', 'lease', 'staff_user', 'settings'] as const;
export const RecordTypeSchema = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof RecordTypeSchema>;

export const RecordActionSchema = z.enum(['created', 'updated', 'archived', 'restored', 'deleted', 'imported']);
export type RecordAction = z.infer<typeof RecordActionSchema>;

/** A field's value before and after, as JSON (dates as ISO text); `null` where it was or became empty. */
export const FieldChangeSchema = z.object({ from: z.unknown(), to: z.unknown() });

export const HistoryEntrySchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  action: RecordActionSchema,
  /** Who made the change: a staff user, an API key (integrators) or the system (imports run by the worker, set-up commands). */
  actor: z.object({ kind: z.enum(['staff', 'api_key', 'system']), id: z.uuid().nullable(), name: z.string() }),
  changes: z.record(z.string(), FieldChangeSchema),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryParamsSchema = z.object({ recordType: RecordTypeSchema, recordId: z.uuid() });
export const HistoryQuerySchema = CursorQuerySchema;
export const HistoryPageSchema = cursorPageOf(HistoryEntrySchema);
export type HistoryPage = z.infer<typeof HistoryPageSchema>;
