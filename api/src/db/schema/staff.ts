import { pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    role: text('role', { enum: ['admin', 'manager', 'finance', 'technician'] }).notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['sv', 'da', 'en'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // A staff e-mail signs in to exactly one landlord, so it is unique across the service.
  (t) => [uniqueIndex('staff_users_email_key').on(t.email), unique('staff_users_landlord_id_key').on(t.landlordId, t.id)],
);
