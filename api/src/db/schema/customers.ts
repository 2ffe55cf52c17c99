import { foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
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
    identityNumber: text('identity_number'),
    email: text('email'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The console's list in its order (name, id); replaces the plain landlord index (decision 8M4).
    index('customers_landlord_name_idx').on(t.landlordId, t.name, t.id),
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
    phone: text('phone'),
    portalUserId: uuid('portal_user_id').references(() => portalUsers.id),
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
    foreignKey({
      name: 'portal_memberships_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
  ],
);
