import { foreignKey, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { landlords } from './landlords';
import { staffUsers } from './staff';

/**
 * An integrator's API key (issue 10): acts for the landlord within its scopes. Only the SHA-256 of
 * the secret is kept (decision 10K1); `prefix` is the secret's first characters, shown in the list.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute per key (decision 10K3), not on every request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    // Every request looks its key up by the secret's hash.
    uniqueIndex('api_keys_secret_hash_key').on(t.secretHash),
    unique('api_keys_landlord_id_key').on(t.landlordId, t.id),
    // The console's list, newest first (keyset on created_at, id).
    index('api_keys_landlord_created_idx').on(t.landlordId, t.createdAt, t.id),
    foreignKey({
      name: 'api_keys_created_by_fk',
      columns: [t.landlordId, t.createdBy],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
    foreignKey({
      name: 'api_keys_revoked_by_fk',
      columns: [t.landlordId, t.revokedBy],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
  ],
);
