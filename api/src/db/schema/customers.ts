import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { landlords } from './landlords';
import { portalUsers } from './portal-users';

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    kind: text('kind', { enum: ['person', 'company'] }).notNull(),
    name: text('name').notNull(),
    /** Normalised (identity.ts `normalized`): SE personal 12 digits, SE org 10, DK CPR 10, DK CVR 8. */
    identityNumber: text('identity_number'),
    email: text('email'),
    /** E.164 when entered through the service (mobileToE164); older rows may hold what was typed. */
    phone: text('phone'),
    /** Preferred language for letters and notices; null = the landlord's default. */
    locale: text('locale', { enum: ['sv', 'da', 'en'] }),
    /** Billing address (rent notices, issue 11); the country is the landlord's. */
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    externalId: text('external_id'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The console's list in its order (name, id); replaces the plain landlord index (decision 8M4).
    index('customers_landlord_name_idx').on(t.landlordId, t.name, t.id),
    // Sort by created (newest first walks it backwards).
    index('customers_landlord_created_idx').on(t.landlordId, t.createdAt, t.id),
    // One customer per identity number and landlord (409 identity_number_taken); text_pattern_ops so a
    // prefix search on digits (`q=198803`) walks it too.
    uniqueIndex('customers_landlord_identity_key')
      .on(t.landlordId, t.identityNumber.op('text_pattern_ops'))
      .where(sql`identity_number is not null`),
    // Sign-up's lookup by identity number crosses landlords (signup/repo.ts findCustomersByIdentity): the
    // index above leads with landlord_id, so without this one it is read whole (docs/scaling.md).
    index('customers_identity_idx').on(t.identityNumber).where(sql`identity_number is not null`),
    uniqueIndex('customers_landlord_external_id_key').on(t.landlordId, t.externalId).where(sql`external_id is not null`),
    // The search box (`q`, ILIKE '%…%' on name or e-mail): trigram indexes (pg_trgm, custom migration).
    index('customers_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('customers_email_trgm_idx').using('gin', t.email.op('gin_trgm_ops')),
    unique('customers_landlord_id_key').on(t.landlordId, t.id),
  ],
);

/** The people who speak for a customer; a household's contact is the tenant. */
export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    customerId: uuid('customer_id').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    /** E.164 when entered through the service. */
    phone: text('phone'),
    locale: text('locale', { enum: ['sv', 'da', 'en'] }),
    portalUserId: uuid('portal_user_id').references(() => portalUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customer_contacts_customer_idx').on(t.customerId),
    unique('customer_contacts_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'customer_contacts_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
  ],
);

/** A portal user's role in one customer (seed 002: main administrator, administrator, user). */
export const portalMemberships = pgTable(
  'portal_memberships',
  {
    portalUserId: uuid('portal_user_id')
      .notNull()
      .references(() => portalUsers.id),
    customerId: uuid('customer_id').notNull(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    role: text('role', { enum: ['main_admin', 'admin', 'user'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.portalUserId, t.customerId] }),
    // Issue 12 SHELL: "is anyone else a member of this customer" (the one-person household rule).
    index('portal_memberships_customer_idx').on(t.customerId),
    foreignKey({
      name: 'portal_memberships_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
  ],
);
