import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { landlords } from './landlords';

/**
 * An `Idempotency-Key` claimed by a POST (issue 10, §2; plugins/idempotency.ts). Keys are namespaced
 * by landlord and actor (`staff:<id>`, `key:<api key id>`, `tenant:<portal user>:<customer>`), so two
 * integrators never see each other's answers. `fingerprint` = SHA-256 of method, path and the
 * canonical JSON body. A completed row holds the answer as sent (status, the headers a replay needs,
 * the body text) and is replayed byte for byte for 24 hours; the worker's retention loop deletes it after.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    actor: text('actor').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** `METHOD /path?query`, for people reading the table; the fingerprint is what is compared. */
    request: text('request').notNull(),
    state: text('state', { enum: ['in_progress', 'completed'] })
      .notNull()
      .default('in_progress'),
    /** When the running request claimed (or took over) the key; an old in_progress claim is abandoned. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    /** A random id per claim: only the request that holds the claim may store its answer. */
    owner: uuid('owner').notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    responseBody: text('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.landlordId, t.actor, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
