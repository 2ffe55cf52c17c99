import { boolean, foreignKey, index, numeric, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { landlords } from './landlords';
import { staffUsers } from './staff';

export const properties = pgTable(
  'properties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    name: text('name').notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    /** The responsible property manager (seed 001: cases are routed to them; seed 002: shown to tenants). */
    managerId: uuid('manager_id'),
    /**
     * Seed 001's pilot: with the landlord's portal scope `selected`, only tenants of properties with
     * this set may use the portal; with scope `all` it is not consulted.
     */
    portalEnabled: boolean('portal_enabled').notNull().default(false),
  },
  (t) => [
    index('properties_landlord_idx').on(t.landlordId),
    // Isolation by structure: children point at (landlord_id, id), so a row of another landlord is refused.
    unique('properties_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'properties_manager_fk',
      columns: [t.landlordId, t.managerId],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
  ],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    propertyId: uuid('property_id').notNull(),
    number: text('number').notNull(),
    type: text('type', { enum: ['apartment', 'office', 'retail', 'storage', 'parking'] }).notNull(),
    address: text('address').notNull(),
    areaM2: numeric('area_m2'),
    floor: text('floor'),
  },
  (t) => [
    index('units_landlord_idx').on(t.landlordId),
    unique('units_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'units_property_fk',
      columns: [t.landlordId, t.propertyId],
      foreignColumns: [properties.landlordId, properties.id],
    }),
  ],
);
