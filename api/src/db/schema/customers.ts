import { date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { landlords } from './landlords';
import { portalUsers } from './portal-users';
import { units } from './properties';

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
  (t) => [index('customers_landlord_idx').on(t.landlordId)],
);

/** The people who speak for a customer; a household's contact is the tenant. */
export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    portalUserId: uuid('portal_user_id').references(() => portalUsers.id),
  },
  (t) => [index('customer_contacts_customer_idx').on(t.customerId)],
);

export const leases = pgTable(
  'leases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    number: text('number').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    status: text('status', { enum: ['active', 'terminated', 'ended'] })
      .notNull()
      .default('active'),
  },
  (t) => [index('leases_customer_idx').on(t.customerId)],
);

/** A portal user's role in one customer (seed 002: main administrator, administrator, user). */
export const portalMemberships = pgTable(
  'portal_memberships',
  {
    portalUserId: uuid('portal_user_id')
      .notNull()
      .references(() => portalUsers.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    role: text('role', { enum: ['main_admin', 'admin', 'user'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.portalUserId, t.customerId] })],
);
