import type { ArchivedFilter } from '@portico/shared/contracts/records';
import { and, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { leases, leaseUnits } from '../../db/schema/leases';
import { properties, units } from '../../db/schema/properties';
import { staffUsers } from '../../db/schema/staff';

export type PropertyRow = typeof properties.$inferSelect;
export type PropertyInsert = typeof properties.$inferInsert;
export type UnitRow = typeof units.$inferSelect;
export type UnitInsert = typeof units.$inferInsert;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const archivedWhere = (column: typeof properties.archivedAt | typeof units.archivedAt, filter: ArchivedFilter): SQL | undefined =>
  filter === 'all' ? undefined : filter === 'true' ? isNotNull(column) : isNull(column);

// --- Properties -------------------------------------------------------------------------------

export async function findProperty(db: DbOrTx, landlordId: string, propertyId: string) {
  const [row] = await db
    .select()
    .from(properties)
    .where(and(eq(properties.landlordId, landlordId), eq(properties.id, propertyId)));
  return row;
}

export async function findPropertyByExternalId(db: DbOrTx, landlordId: string, externalId: string) {
  const [row] = await db
    .select()
    .from(properties)
    .where(and(eq(properties.landlordId, landlordId), eq(properties.externalId, externalId)));
  return row;
}

export async function insertProperty(db: DbOrTx, values: PropertyInsert) {
  const [row] = await db.insert(properties).values(values).returning();
  return row!;
}

export async function updateProperty(db: DbOrTx, landlordId: string, propertyId: string, values: Partial<PropertyInsert>) {
  const [row] = await db
    .update(properties)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(properties.landlordId, landlordId), eq(properties.id, propertyId)))
    .returning();
  return row!;
}

/** Locks a property's row for a change that depends on its units (archive vs. a unit being added). */
export async function lockProperty(db: DbOrTx, landlordId: string, propertyId: string) {
  const [row] = await db
    .select()
    .from(properties)
    .where(and(eq(properties.landlordId, landlordId), eq(properties.id, propertyId)))
    .for('update');
  return row;
}

const SORT_COLUMN = { name: properties.name, designation: properties.designation, city: properties.city } as const;
export type PropertySort = keyof typeof SORT_COLUMN;

/** One keyset per sort column and direction: (column, id), served by properties_landlord_<column>_idx. */
const propertyKeys = Object.fromEntries(
  (Object.keys(SORT_COLUMN) as PropertySort[]).flatMap((sort) =>
    (['asc', 'desc'] as const).map((dir) => [
      `${sort}:${dir}`,
      keyset(
        [
          { expr: SORT_COLUMN[sort], type: 'text' },
          { expr: properties.id, type: 'uuid' },
        ],
        dir,
      ),
    ]),
  ),
) as Record<`${PropertySort}:${'asc' | 'desc'}`, ReturnType<typeof keyset>>;

const manager = alias(staffUsers, 'manager');

/**
 * The console's list. Each sort walks its (landlord_id, column, id) index; `q` (ILIKE '%…%' on name,
 * designation, street) can use the trigram indexes when the term is rare (the planner picks).
 */
export async function listProperties(
  db: DbOrTx,
  p: {
    landlordId: string;
    q?: string | undefined;
    managerId?: string | undefined;
    archived: ArchivedFilter;
    sort: PropertySort;
    dir: 'asc' | 'desc';
    cursor?: string | undefined;
    limit: number;
  },
) {
  const keys = propertyKeys[`${p.sort}:${p.dir}`];
  const pos = keys.decode(p.cursor);
  const like = p.q ? `%${escapeLike(p.q)}%` : undefined;
  const where = and(
    eq(properties.landlordId, p.landlordId),
    archivedWhere(properties.archivedAt, p.archived),
    p.managerId ? eq(properties.managerId, p.managerId) : undefined,
    like ? or(ilike(properties.name, like), ilike(properties.designation, like), ilike(properties.street, like)) : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select({ property: properties, manager: { id: manager.id, name: manager.name, email: manager.email }, ...keys.select })
      .from(properties)
      .leftJoin(manager, and(eq(manager.landlordId, properties.landlordId), eq(manager.id, properties.managerId)))
      .where(and(where, keys.where(pos)))
      .orderBy(...keys.orderBy(pos))
      .limit(p.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(properties)
        .where(where)
        .orderBy(...keys.orderBy()),
    ),
  ]);
  const page = keys.page(rows, p.limit, pos);
  return { ...page, items: page.items.map((r) => ({ ...r.property, manager: r.manager?.id ? r.manager : null })), ...count };
}

/** Live units per property, for a page of properties. */
export async function countLiveUnits(db: DbOrTx, landlordId: string, propertyIds: string[]) {
  if (!propertyIds.length) return new Map<string, number>();
  const rows = await db
    .select({ propertyId: units.propertyId, n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(eq(units.landlordId, landlordId), inArray(units.propertyId, propertyIds), isNull(units.archivedAt)))
    .groupBy(units.propertyId);
  return new Map(rows.map((r) => [r.propertyId, Number(r.n)]));
}

export async function findStaff(db: DbOrTx, landlordId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.landlordId, landlordId), inArray(staffUsers.id, ids)));
}

// --- Units ------------------------------------------------------------------------------------

const unitColumns = { unit: units, property: { id: properties.id, name: properties.name, archivedAt: properties.archivedAt } };

export async function findUnit(db: DbOrTx, landlordId: string, unitId: string) {
  const [row] = await db
    .select(unitColumns)
    .from(units)
    .innerJoin(properties, and(eq(properties.landlordId, units.landlordId), eq(properties.id, units.propertyId)))
    .where(and(eq(units.landlordId, landlordId), eq(units.id, unitId)));
  return row;
}

export async function findUnitByExternalId(db: DbOrTx, landlordId: string, externalId: string) {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.landlordId, landlordId), eq(units.externalId, externalId)));
  return row;
}

export async function insertUnit(db: DbOrTx, values: UnitInsert) {
  const [row] = await db.insert(units).values(values).returning();
  return row!;
}

export async function updateUnit(db: DbOrTx, landlordId: string, unitId: string, values: Partial<UnitInsert>) {
  const [row] = await db
    .update(units)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(units.landlordId, landlordId), eq(units.id, unitId)))
    .returning();
  return row!;
}

/** Number order; the cursor carries (number, id). */
const unitKeys = keyset(
  [
    { expr: units.number, type: 'text' },
    { expr: units.id, type: 'uuid' },
  ],
  'asc',
);

/**
 * `GET /units` and a property's units: number order, served by units_landlord_number_key (all
 * units) or units_property_number_idx (one property); `q` by the trigram indexes on number and address.
 */
export async function listUnits(
  db: DbOrTx,
  p: {
    landlordId: string;
    q?: string | undefined;
    propertyId?: string | undefined;
    type?: UnitRow['type'] | undefined;
    archived: ArchivedFilter;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const pos = unitKeys.decode(p.cursor);
  const like = p.q ? `%${escapeLike(p.q)}%` : undefined;
  const where = and(
    eq(units.landlordId, p.landlordId),
    archivedWhere(units.archivedAt, p.archived),
    p.propertyId ? eq(units.propertyId, p.propertyId) : undefined,
    p.type ? eq(units.type, p.type) : undefined,
    like ? or(ilike(units.number, like), ilike(units.address, like)) : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select({ ...unitColumns, ...unitKeys.select })
      .from(units)
      .innerJoin(properties, and(eq(properties.landlordId, units.landlordId), eq(properties.id, units.propertyId)))
      .where(and(where, unitKeys.where(pos)))
      .orderBy(...unitKeys.orderBy(pos))
      .limit(p.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(units)
        .where(where)
        .orderBy(...unitKeys.orderBy()),
    ),
  ]);
  const page = unitKeys.page(rows, p.limit, pos);
  return { ...page, items: page.items.map((r) => ({ unit: r.unit, property: r.property })), ...count };
}

/**
 * THE one place that answers "is this unit let on a lease that is still running" (active, or
 * terminated but not yet ended). Today a lease names one unit (`leases.unit_id`); when leases
 * get several units (a `lease_units` table), extend this query and nothing else.
 */
export async function unitHasRunningLeases(db: DbOrTx, landlordId: string, unitId: string): Promise<boolean> {
  // Every unit of a lease is in lease_units (the main unit `leases.unit_id` included).
  const [row] = await db
    .select({ one: sql`1` })
    .from(leaseUnits)
    .innerJoin(leases, and(eq(leases.landlordId, leaseUnits.landlordId), eq(leases.id, leaseUnits.leaseId)))
    .where(and(eq(leaseUnits.landlordId, landlordId), eq(leaseUnits.unitId, unitId), inArray(leases.status, ['active', 'terminated'])))
    .limit(1);
  return !!row;
}

/** Whether a property still has live (not archived) units; its archive waits for them. */
export async function propertyHasLiveUnits(db: DbOrTx, landlordId: string, propertyId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(units)
    .where(and(eq(units.landlordId, landlordId), eq(units.propertyId, propertyId), isNull(units.archivedAt)))
    .limit(1);
  return !!row;
}
