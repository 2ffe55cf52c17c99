import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A person who signs in to the tenant portal; may belong to customers of several landlords. */
export const portalUsers = pgTable(
  'portal_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    /** Chosen at self sign-up (seed 001); signs in like the e-mail address. */
    username: text('username'),
    name: text('name').notNull(),
    phone: text('phone'),
    /** Verified by e-ID only: SE 12 digits, DK CPR 10 digits. */
    identityNumber: text('identity_number'),
    identityVerifiedAt: timestamp('identity_verified_at', { withTimezone: true }),
    /** Null means the defaults in the shared contract. */
    notificationPrefs: jsonb('notification_prefs'),
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['sv', 'da', 'en'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('portal_users_email_key').on(t.email),
    uniqueIndex('portal_users_username_key').on(t.username),
    uniqueIndex('portal_users_identity_key').on(t.identityNumber),
  ],
);
