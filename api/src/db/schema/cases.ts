import type { SQLWrapper } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  type PgTableExtraConfigValue,
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
import { leases } from './leases';
import { attachments } from './messaging';
import { portalUsers } from './portal-users';
import { properties, units } from './properties';
import { staffUsers } from './staff';

/** Seed 003: machines with an object number on a tag. */
export const equipmentObjects = pgTable(
  'equipment_objects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    number: text('number').notNull(),
    type: text('type').notNull(),
    make: text('make'),
    model: text('model'),
    location: text('location'),
    propertyId: uuid('property_id'),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('equipment_objects_number_key').on(t.landlordId, t.number),
    // Case search by object number (a part of it): docs/case-search.md.
    index('equipment_objects_number_trgm_idx').using('gin', t.number.op('gin_trgm_ops')),
    unique('equipment_objects_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'equipment_objects_property_fk',
      columns: [t.landlordId, t.propertyId],
      foreignColumns: [properties.landlordId, properties.id],
    }),
    foreignKey({ name: 'equipment_objects_unit_fk', columns: [t.landlordId, t.unitId], foreignColumns: [units.landlordId, units.id] }),
  ],
);

/** Per case type, who gets new cases instead of the property's responsible manager. */
export const caseRoutingRules = pgTable(
  'case_routing_rules',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    caseType: text('case_type', { enum: ['fault', 'service', 'inquiry', 'information'] }).notNull(),
    assigneeId: uuid('assignee_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.landlordId, t.caseType] }),
    foreignKey({
      name: 'case_routing_rules_assignee_fk',
      columns: [t.landlordId, t.assigneeId],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
  ],
);

/** One counter per landlord and year, for case numbers like 2027-000042. */
export const caseCounters = pgTable(
  'case_counters',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.landlordId, t.year] })],
);

/** The case statuses that count as open (current); partial indexes below are built for them. */
const OPEN_SQL = sql.raw(`('new', 'acknowledged', 'in_progress', 'waiting_for_tenant')`);

/**
 * Due date as a sort key with "no due date" last: `due_asc` and the overdue filter read this
 * expression, and the indexes below are built on exactly it (docs/case-search.md).
 */
export const caseDueKey = (dueAt: SQLWrapper) => sql`coalesce(${dueAt}, 'infinity'::timestamptz)`;

/**
 * The text free-text search (`q`) matches: number, title, description, street, invoice marking and
 * agreement number in one string, trigram-indexed (object numbers are matched through
 * equipment_objects). Queries must use this very expression for the index to serve them.
 */
export const caseSearchText = (t: {
  number: SQLWrapper;
  title: SQLWrapper;
  description: SQLWrapper;
  street: SQLWrapper;
  invoiceMarking: SQLWrapper;
  agreementNumber: SQLWrapper;
}) =>
  sql`(${t.number} || ' ' || ${t.title} || ' ' || ${t.description} || ' ' || coalesce(${t.street}, '') || ' ' || coalesce(${t.invoiceMarking}, '') || ' ' || coalesce(${t.agreementNumber}, ''))`;

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    number: text('number').notNull(),
    /** Null only for a related case sent to every customer of a property. */
    customerId: uuid('customer_id'),
    leaseId: uuid('lease_id'),
    propertyId: uuid('property_id').notNull(),
    unitId: uuid('unit_id'),
    objectId: uuid('object_id'),
    type: text('type', { enum: ['fault', 'service', 'inquiry', 'information'] }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['new', 'acknowledged', 'in_progress', 'waiting_for_tenant', 'resolved', 'closed'] })
      .notNull()
      .default('new'),
    assigneeId: uuid('assignee_id'),
    reporterKind: text('reporter_kind', { enum: ['staff', 'tenant'] }).notNull(),
    reporterId: uuid('reporter_id').notNull(),
    reporterDisplayName: text('reporter_display_name').notNull(),
    siteName: text('site_name'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    sitePhone1: text('site_phone1'),
    sitePhone2: text('site_phone2'),
    masterKeyAllowed: boolean('master_key_allowed').notNull().default(false),
    doorCode: text('door_code'),
    agreementNumber: text('agreement_number'),
    invoiceMarking: text('invoice_marking'),
    sendSms: boolean('send_sms').notNull().default(false),
    dueAt: timestamp('due_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_number_key').on(t.landlordId, t.number),
    // Keyset lists (docs/case-search.md): one index per sort, a partial one per sort for open cases,
    // and (filter, created_at, id) for the queue's equality filters.
    index('cases_landlord_created_idx').on(t.landlordId, t.createdAt, t.id),
    index('cases_landlord_updated_idx').on(t.landlordId, t.updatedAt, t.id),
    index('cases_landlord_due_idx').on(t.landlordId, caseDueKey(t.dueAt), t.id),
    index('cases_open_created_idx').on(t.landlordId, t.createdAt, t.id).where(sql`${t.status} in ${OPEN_SQL}`),
    index('cases_open_due_idx').on(t.landlordId, caseDueKey(t.dueAt), t.id).where(sql`${t.status} in ${OPEN_SQL}`),
    index('cases_status_created_idx').on(t.landlordId, t.status, t.createdAt, t.id),
    index('cases_type_created_idx').on(t.landlordId, t.type, t.createdAt, t.id),
    index('cases_property_created_idx').on(t.landlordId, t.propertyId, t.createdAt, t.id),
    index('cases_customer_idx').on(t.customerId, t.createdAt),
    // Issue 11: a lease's cases, newest first (the portal's lease page).
    index('cases_lease_created_idx').on(t.landlordId, t.leaseId, t.createdAt, t.id).where(sql`${t.leaseId} is not null`),
    index('cases_assignee_idx').on(t.landlordId, t.assigneeId, t.createdAt, t.id),
    index('cases_object_idx').on(t.objectId),
    // Search: trigram indexes serve `ILIKE '%…%'` (pg_trgm, custom migration).
    index('cases_search_trgm_idx').using('gin', sql`${caseSearchText(t)} gin_trgm_ops`),
    index('cases_street_trgm_idx').using('gin', t.street.op('gin_trgm_ops')),
    index('cases_invoice_marking_trgm_idx').using('gin', t.invoiceMarking.op('gin_trgm_ops')),
    index('cases_agreement_number_trgm_idx').using('gin', t.agreementNumber.op('gin_trgm_ops')),
    unique('cases_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({ name: 'cases_customer_fk', columns: [t.landlordId, t.customerId], foreignColumns: [customers.landlordId, customers.id] }),
    foreignKey({ name: 'cases_lease_fk', columns: [t.landlordId, t.leaseId], foreignColumns: [leases.landlordId, leases.id] }),
    foreignKey({
      name: 'cases_property_fk',
      columns: [t.landlordId, t.propertyId],
      foreignColumns: [properties.landlordId, properties.id],
    }),
    foreignKey({ name: 'cases_unit_fk', columns: [t.landlordId, t.unitId], foreignColumns: [units.landlordId, units.id] }),
    foreignKey({
      name: 'cases_object_fk',
      columns: [t.landlordId, t.objectId],
      foreignColumns: [equipmentObjects.landlordId, equipmentObjects.id],
    }),
    foreignKey({
      name: 'cases_assignee_fk',
      columns: [t.landlordId, t.assigneeId],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
  ],
);

/** The timeline and dialog: creation, status changes, assignments, public replies, internal notes. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    caseId: uuid('case_id').notNull(),
    kind: text('kind', { enum: ['created', 'status_changed', 'public_reply', 'internal_note', 'assigned'] }).notNull(),
    authorKind: text('author_kind', { enum: ['staff', 'tenant', 'system'] }).notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    body: text('body'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /**
     * On a property-wide related case, the one recipient an entry is between: a tenant's reply, or
     * staff's answer to that customer. Null = everyone who sees the case (the landlord's broadcast).
     */
    customerId: uuid('customer_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.createdAt),
    unique('case_events_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({ name: 'case_events_case_fk', columns: [t.landlordId, t.caseId], foreignColumns: [cases.landlordId, cases.id] }),
    foreignKey({
      name: 'case_events_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
  ],
);

export const caseFollowers = pgTable(
  'case_followers',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    caseId: uuid('case_id').notNull(),
    portalUserId: uuid('portal_user_id')
      .notNull()
      .references(() => portalUsers.id),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.portalUserId] }),
    foreignKey({ name: 'case_followers_case_fk', columns: [t.landlordId, t.caseId], foreignColumns: [cases.landlordId, cases.id] }),
  ],
);

/** Related cases (seed 001): each customer a case was sent to. */
export const caseRecipients = pgTable(
  'case_recipients',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    caseId: uuid('case_id').notNull(),
    customerId: uuid('customer_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.customerId] }),
    index('case_recipients_customer_idx').on(t.customerId),
    foreignKey({ name: 'case_recipients_case_fk', columns: [t.landlordId, t.caseId], foreignColumns: [cases.landlordId, cases.id] }),
    foreignKey({
      name: 'case_recipients_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
  ],
);

/** Seed 003 "åtgärder": what was done, when, by whom, time, cost, files, signed delivery note. */
export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    caseId: uuid('case_id').notNull(),
    description: text('description').notNull(),
    performedAt: timestamp('performed_at', { withTimezone: true }).notNull(),
    performedById: uuid('performed_by_id').notNull(),
    performedByName: text('performed_by_name').notNull(),
    minutes: integer('minutes').notNull(),
    materialCostMinor: bigint('material_cost_minor', { mode: 'number' }).notNull(),
    currency: text('currency', { enum: ['SEK', 'DKK', 'EUR'] }).notNull(),
    signedBy: text('signed_by'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signatureKind: text('signature_kind', { enum: ['drawn', 'file'] }),
    signatureAttachmentId: uuid('signature_attachment_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Annotated: work orders and attachments point at each other, which TypeScript cannot infer.
  (t): PgTableExtraConfigValue[] => [
    index('work_orders_case_idx').on(t.caseId),
    unique('work_orders_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({ name: 'work_orders_case_fk', columns: [t.landlordId, t.caseId], foreignColumns: [cases.landlordId, cases.id] }),
    foreignKey({
      name: 'work_orders_signature_fk',
      columns: [t.landlordId, t.signatureAttachmentId],
      foreignColumns: [attachments.landlordId, attachments.id],
    }),
  ],
);
