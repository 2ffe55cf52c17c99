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
  /** Seed 002: invoices only after signing in with BankID/MitID. */
  invoicesRequireStrongAuth: boolean('invoices_require_strong_auth').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
