import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { landlords } from './landlords';

/**
 * Who changed which fields of a master record, and when (issue 9: "every change recorded in a
 * per-record history"). Written by the services in the same transaction as the change itself, so a
 * change and its history row commit or roll back together. `record_id` is not a foreign key: the
 * history outlives a deleted record, and one table serves every record type.
 */
export const recordChanges = pgTable(
  'record_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    recordType: text('record_type', {
      enum: ['property', 'unit', 'customer', 'contact', 'lease', 'staff_user', 'settings'],
    }).notNull(),
    recordId: uuid('record_id').notNull(),
    action: text('action', { enum: ['created', 'updated', 'archived', 'restored', 'deleted', 'imported'] }).notNull(),
    actorKind: text('actor_kind', { enum: ['staff', 'api_key', 'system'] }).notNull(),
    actorId: uuid('actor_id'),
    /** The name at the time of the change: the history reads the same after a user is renamed or removed. */
    actorName: text('actor_name').notNull(),
    changes: jsonb('changes').notNull().default(sql`'{}'::jsonb`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The one read: a record's history, newest first, by keyset on (at, id): the index read backward.
  // Ascending on purpose: drizzle writes `.desc()` as DESC NULLS LAST, which `ORDER BY … DESC`
  // (NULLS FIRST) cannot use for its order.
  (t) => [index('record_changes_record_idx').on(t.landlordId, t.recordType, t.recordId, t.at, t.id)],
);
