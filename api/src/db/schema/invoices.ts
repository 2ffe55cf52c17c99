import { bigint, date, foreignKey, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { landlords } from './landlords';
import { leases } from './leases';

/** The first cut of rent notices / invoices; billing adds lines, references and payments. */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    customerId: uuid('customer_id').notNull(),
    leaseId: uuid('lease_id').notNull(),
    number: text('number').notNull(),
    period: text('period').notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    currency: text('currency', { enum: ['SEK', 'DKK', 'EUR'] }).notNull(),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: ['unpaid', 'partly_paid', 'paid', 'overdue', 'credited'] }).notNull(),
    paidAt: date('paid_at'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The portal's list in its keyset order (due_date, number, id); unpaid-only is a filter on it.
    index('invoices_customer_due_idx').on(t.customerId, t.dueDate, t.number, t.id),
    unique('invoices_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'invoices_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
    foreignKey({ name: 'invoices_lease_fk', columns: [t.landlordId, t.leaseId], foreignColumns: [leases.landlordId, leases.id] }),
  ],
);
