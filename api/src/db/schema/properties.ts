import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { landlords } from './landlords';
import { staffUsers } from './staff';

/** A free-form fact line on a property ("Hiss" / "Ja", "Energiklass" / "C"). */
export type PropertyFact = { label: string; value: string };

export const properties = pgTable(
  'properties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    name: text('name').notNull(),
    /** SE fastighetsbeteckning ("Göteborg Heden 12:3"), DK matrikelnummer; '' when not given. */
    designation: text('designation').notNull().default(''),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    description: text('description'),
    yearBuilt: integer('year_built'),
    totalAreaM2: numeric('total_area_m2'),
    floors: integer('floors'),
    facts: jsonb('facts').$type<PropertyFact[]>().notNull().default([]),
    /** Area information for tenants: waste collection, laundry, parking… */
    areaInfo: text('area_info'),
    /** The responsible property manager (seed 001: cases are routed to them; seed 002: shown to tenants). */
    managerId: uuid('manager_id'),
    /** The customer manager (seed 002: shown to tenants), a staff user of the same landlord. */
    customerManagerId: uuid('customer_manager_id'),
    /**
     * Seed 001's pilot: with the landlord's portal scope `selected`, only tenants of properties with
     * this set may use the portal; with scope `all` it is not consulted.
     */
    portalEnabled: boolean('portal_enabled').notNull().default(false),
    externalId: text('external_id'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The console's list in each of its sort orders (keyset over (key, id)); the landlord prefix
    // also serves every plain lookup by landlord.
    index('properties_landlord_name_idx').on(t.landlordId, t.name, t.id),
    index('properties_landlord_designation_idx').on(t.landlordId, t.designation, t.id),
    index('properties_landlord_city_idx').on(t.landlordId, t.city, t.id),
    index('properties_manager_idx').on(t.landlordId, t.managerId),
    // The search box (ILIKE '%…%' on name, designation, street): trigram indexes (pg_trgm, migration 0006).
    index('properties_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('properties_designation_trgm_idx').using('gin', t.designation.op('gin_trgm_ops')),
    index('properties_street_trgm_idx').using('gin', t.street.op('gin_trgm_ops')),
    uniqueIndex('properties_external_id_key').on(t.landlordId, t.externalId).where(sql`external_id is not null`),
    // Isolation by structure: children point at (landlord_id, id), so a row of another landlord is refused.
    unique('properties_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'properties_manager_fk',
      columns: [t.landlordId, t.managerId],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
    foreignKey({
      name: 'properties_customer_manager_fk',
      columns: [t.landlordId, t.customerManagerId],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
  ],
);

export const UNIT_TYPES = ['apartment', 'office', 'retail', 'storage', 'parking'] as const;

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    propertyId: uuid('property_id').notNull(),
    number: text('number').notNull(),
    type: text('type', { enum: UNIT_TYPES }).notNull(),
    address: text('address').notNull(),
    areaM2: numeric('area_m2'),
    floor: text('floor'),
    externalId: text('external_id'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Unit numbers are unique per landlord, archived units included (a lease and its history name
    // the unit by number); also serves `GET /units` in number order.
    unique('units_landlord_number_key').on(t.landlordId, t.number),
    // A property's units in number order (the property page, `GET /units?propertyId=`).
    index('units_property_number_idx').on(t.landlordId, t.propertyId, t.number),
    index('units_number_trgm_idx').using('gin', t.number.op('gin_trgm_ops')),
    index('units_address_trgm_idx').using('gin', t.address.op('gin_trgm_ops')),
    uniqueIndex('units_external_id_key').on(t.landlordId, t.externalId).where(sql`external_id is not null`),
    unique('units_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'units_property_fk',
      columns: [t.landlordId, t.propertyId],
      foreignColumns: [properties.landlordId, properties.id],
    }),
  ],
);
