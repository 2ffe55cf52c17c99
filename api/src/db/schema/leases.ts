import { date, foreignKey, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
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
    unitId: uuid('unit_id').notNull(),
    number: text('number').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    status: text('status', { enum: ['active', 'terminated', 'ended'] })
      .notNull()
      .default('active'),
  },
  (t) => [
    index('leases_customer_idx').on(t.customerId),
    unique('leases_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({ name: 'leases_customer_fk', columns: [t.landlordId, t.customerId], foreignColumns: [customers.landlordId, customers.id] }),
    foreignKey({ name: 'leases_unit_fk', columns: [t.landlordId, t.unitId], foreignColumns: [units.landlordId, units.id] }),
  ],
);
