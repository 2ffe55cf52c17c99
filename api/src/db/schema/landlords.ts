import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const landlords = pgTable('landlords', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  country: text('country', { enum: ['SE', 'DK'] }).notNull(),
  defaultLocale: text('default_locale', { enum: ['sv', 'da', 'en'] }).notNull(),
  portalEnabled: boolean('portal_enabled').notNull().default(false),
  passwordPolicy: text('password_policy', { enum: ['standard', 'classic'] })
    .notNull()
    .default('standard'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
