import { BILLING_CADENCES } from '@portico/shared/contracts/billing-core';
import { LEASE_STATUSES, LEASE_TYPES, RENT_LINE_KINDS } from '@portico/shared/contracts/leases';
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { landlords } from './landlords';
import { units } from './properties';

export const leases = pgTable(
  'leases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    customerId: uuid('customer_id').notNull(),
    /**
     * The lease's main unit (the first of its units). Every unit of the lease is in `lease_units`;
     * this column stays so cases, messaging, memberships and invoices keep reading one unit (decision 9L1).
     */
    unitId: uuid('unit_id').notNull(),
    number: text('number').notNull(),
    type: text('type', { enum: LEASE_TYPES }).notNull().default('residential'),
    /** m²; when not given, the sum of the units' areas at the time of writing. */
    areaM2: numeric('area_m2', { precision: 10, scale: 2 }),
    validFrom: date('valid_from').notNull(),
    /** Open-ended when null; set to the end date when the lease is terminated. */
    validTo: date('valid_to'),
    status: text('status', { enum: LEASE_STATUSES }).notNull().default('active'),
    noticePeriodMonths: integer('notice_period_months').notNull().default(3),
    /** Issue 11: billed every month, or every quarter (January, April, July, October) for three months. */
    billingCadence: text('billing_cadence', { enum: BILLING_CADENCES }).notNull().default('monthly'),
    /** The day notice was given (status `terminated`). */
    noticeDate: date('notice_date'),
    externalId: text('external_id'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('leases_customer_idx').on(t.customerId),
    unique('leases_landlord_id_key').on(t.landlordId, t.id),
    // Lease numbers are unique per landlord (409 lease_number_taken); also the list's number order.
    uniqueIndex('leases_landlord_number_key').on(t.landlordId, t.number),
    uniqueIndex('leases_landlord_external_id_key').on(t.landlordId, t.externalId).where(sql`${t.externalId} is not null`),
    // The list: sorted by valid from, filtered by customer, status or type (each with the default order).
    index('leases_landlord_valid_from_idx').on(t.landlordId, t.validFrom, t.id),
    index('leases_landlord_customer_idx').on(t.landlordId, t.customerId, t.number),
    index('leases_landlord_status_idx').on(t.landlordId, t.status, t.number),
    index('leases_landlord_type_idx').on(t.landlordId, t.type, t.number),
    // The search box on the number (ILIKE '%…%'; pg_trgm is already installed, migration 0006).
    index('leases_number_trgm_idx').using('gin', t.number.op('gin_trgm_ops')),
    foreignKey({ name: 'leases_customer_fk', columns: [t.landlordId, t.customerId], foreignColumns: [customers.landlordId, customers.id] }),
    foreignKey({ name: 'leases_unit_fk', columns: [t.landlordId, t.unitId], foreignColumns: [units.landlordId, units.id] }),
  ],
);

/** Every unit a lease covers (one or more), the main unit (`leases.unit_id`) included. */
export const leaseUnits = pgTable(
  'lease_units',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    leaseId: uuid('lease_id').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.leaseId, t.unitId] }),
    // The overlap check (which leases hold this unit) and the property filter.
    index('lease_units_unit_idx').on(t.landlordId, t.unitId),
    foreignKey({
      name: 'lease_units_lease_fk',
      columns: [t.landlordId, t.leaseId],
      foreignColumns: [leases.landlordId, leases.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'lease_units_unit_fk', columns: [t.landlordId, t.unitId], foreignColumns: [units.landlordId, units.id] }),
  ],
);

/** What a lease costs per month, line by line, in minor units (öre/øre), with the VAT rate in percent. */
export const leaseRentLines = pgTable(
  'lease_rent_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    leaseId: uuid('lease_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: RENT_LINE_KINDS }).notNull(),
    description: text('description').notNull().default(''),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    vatRate: integer('vat_rate').notNull().default(0),
  },
  (t) => [
    index('lease_rent_lines_lease_idx').on(t.leaseId, t.position),
    unique('lease_rent_lines_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'lease_rent_lines_lease_fk',
      columns: [t.landlordId, t.leaseId],
      foreignColumns: [leases.landlordId, leases.id],
    }).onDelete('cascade'),
  ],
);
