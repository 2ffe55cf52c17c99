import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { landlords } from './landlords';

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Shown to tenants when this person is a contact of their property (issue 12 §4); null = none given. */
    phone: text('phone'),
    role: text('role', { enum: ['admin', 'manager', 'finance', 'technician'] }).notNull(),
    /** Null until the person accepts their invitation and chooses a password. */
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['sv', 'da', 'en'] }),
    /** Set while the person may not sign in; their sessions were ended when it was set. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // A staff e-mail signs in to exactly one landlord, so it is unique across the service.
  (t) => [
    uniqueIndex('staff_users_email_key').on(t.email),
    unique('staff_users_landlord_id_key').on(t.landlordId, t.id),
    // The console's list in name order (keyset on name, id); role and state filters ride on it.
    index('staff_users_landlord_name_idx').on(t.landlordId, t.name, t.id),
  ],
);

/** A console invitation: the link a new (or re-invited) staff user opens to choose a password. */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    staffUserId: uuid('staff_user_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one open invitation per person: a resend revokes the old link in the same transaction.
    uniqueIndex('staff_invitations_open_idx').on(t.staffUserId).where(sql`${t.usedAt} is null and ${t.revokedAt} is null`),
    foreignKey({
      name: 'staff_invitations_staff_fk',
      columns: [t.landlordId, t.staffUserId],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }).onDelete('cascade'),
  ],
);
