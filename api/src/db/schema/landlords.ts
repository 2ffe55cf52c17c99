import { boolean, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Payment accounts as stored (normalised by shared/src/formats/payment.ts); absent = not set. */
export type StoredPaymentAccounts = { bankgiro?: string; plusgiro?: string; fiCreditor?: string; iban?: string; bic?: string };
export type StoredUsefulLink = { title: string; url: string };

export const landlords = pgTable('landlords', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  country: text('country', { enum: ['SE', 'DK'] }).notNull(),
  defaultLocale: text('default_locale', { enum: ['sv', 'da', 'en'] }).notNull(),
  portalEnabled: boolean('portal_enabled').notNull().default(false),
  /**
   * Seed 001's pilot: `all` opens the portal to every tenant (with `portal_enabled`); `selected` only to
   * tenants with a lease in a property whose `properties.portal_enabled` is set.
   */
  portalScope: text('portal_scope', { enum: ['all', 'selected'] })
    .notNull()
    .default('all'),
  passwordPolicy: text('password_policy', { enum: ['standard', 'classic'] })
    .notNull()
    .default('standard'),
  /** Seed 002: invoices only after signing in with BankID/MitID. */
  invoicesRequireStrongAuth: boolean('invoices_require_strong_auth').notNull().default(false),
  /** Organisationsnummer (SE, `NNNNNN-NNNN`) or CVR (DK, 8 digits): on notices and in the Swedish invoice QR (`cid`). */
  orgNumber: text('org_number'),
  paymentAccounts: jsonb('payment_accounts').$type<StoredPaymentAccounts>().notNull().default({}),
  /** The SMS sender id the landlord's SMS go out with; null = the service default (SMS_FROM). */
  smsSender: text('sms_sender'),
  /** Branding: the name tenants see (null = `name`), a #rrggbb colour for white text, and the logo in storage. */
  brandName: text('brand_name'),
  brandColour: text('brand_colour'),
  logoKey: text('logo_key'),
  logoType: text('logo_type'),
  /** Seed 002: shown to tenants with sign-in problems. */
  supportEmail: text('support_email'),
  supportPhone: text('support_phone'),
  /** Seed 001: links on the tenant's Home, in order. */
  usefulLinks: jsonb('useful_links').$type<StoredUsefulLink[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
