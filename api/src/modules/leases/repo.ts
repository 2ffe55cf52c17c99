import type { LeaseListQuery } from '@portico/shared/contracts/leases';
import { and, asc, eq, ilike, inArray, isNotNull, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { customers } from '../../db/schema/customers';
import { leaseRentLines, leases, leaseUnits } from '../../db/schema/leases';
import { properties, units } from '../../db/schema/properties';

export type LeaseRow = typeof leases.$inferSelect;
export type LeaseValues = Omit<typeof leases.$inferInsert, 'id' | 'landlordId' | 'createdAt' | 'updatedAt'>;
export type RentLineValues = Pick<typeof leaseRentLines.$inferInsert, 'kind' | 'description' | 'amountMinor' | 'vatRate'>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findLease(db: DbOrTx, p: { landlordId: string; leaseId: string }) {
  const [row] = await db
    .select({ lease: leases, customerName: customers.name })
    .from(leases)
    .innerJoin(customers, and(eq(customers.landlordId, leases.landlordId), eq(customers.id, leases.customerId)))
    .where(and(eq(leases.landlordId, p.landlordId), eq(leases.id, p.leaseId)));
  return row;
}

export async function findLeaseByExternalId(db: DbOrTx, p: { landlordId: string; externalId: string }) {
  const [row] = await db
    .select()
    .from(leases)
    .where(and(eq(leases.landlordId, p.landlordId), eq(leases.externalId, p.externalId)));
  return row;
}

/** Locks a lease row for a status change or an edit, so two writers never both pass a check. */
export async function lockLease(db: DbOrTx, p: { landlordId: string; leaseId: string }) {
  const [row] = await db
    .select()
    .from(leases)
    .where(and(eq(leases.landlordId, p.landlordId), eq(leases.id, p.leaseId)))
    .for('update');
  return row;
}

/** The units of some leases in the order they were given (the main unit first), with their property. */
export async function listLeaseUnits(db: DbOrTx, p: { landlordId: string; leaseIds: string[] }) {
  if (!p.leaseIds.length) return [];
  return db
    .select({
      leaseId: leaseUnits.leaseId,
      id: units.id,
      number: units.number,
      type: units.type,
      address: units.address,
      areaM2: units.areaM2,
      propertyId: properties.id,
      propertyName: properties.name,
      main: sql<boolean>`${units.id} = ${leases.unitId}`,
    })
    .from(leaseUnits)
    .innerJoin(leases, and(eq(leases.landlordId, leaseUnits.landlordId), eq(leases.id, leaseUnits.leaseId)))
    .innerJoin(units, and(eq(units.landlordId, leaseUnits.landlordId), eq(units.id, leaseUnits.unitId)))
    .innerJoin(properties, and(eq(properties.landlordId, units.landlordId), eq(properties.id, units.propertyId)))
    .where(and(eq(leaseUnits.landlordId, p.landlordId), inArray(leaseUnits.leaseId, p.leaseIds)))
    .orderBy(sql`${units.id} = ${leases.unitId} desc`, asc(units.number));
}

export async function listRentLines(db: DbOrTx, p: { landlordId: string; leaseId: string }) {
  return db
    .select()
    .from(leaseRentLines)
    .where(and(eq(leaseRentLines.landlordId, p.landlordId), eq(leaseRentLines.leaseId, p.leaseId)))
    .orderBy(asc(leaseRentLines.position));
}

/**
 * The landlord's units among `unitIds`, locked until the transaction ends: two leases written at
 * once for the same unit take turns, so the overlap check below sees the other's row (decision 9L2).
 */
export async function lockUnits(db: DbOrTx, p: { landlordId: string; unitIds: string[] }) {
  return db
    .select({ id: units.id, number: units.number, areaM2: units.areaM2 })
    .from(units)
    .where(and(eq(units.landlordId, p.landlordId), inArray(units.id, p.unitIds)))
    .orderBy(asc(units.id))
    .for('update');
}

/** A running lease (active or terminated, not archived) holding one of the units on a day in [from, to]. */
export async function findOverlappingLease(
  db: DbOrTx,
  p: { landlordId: string; unitIds: string[]; validFrom: string; validTo: string | null; exceptLeaseId?: string },
) {
  const [row] = await db
    .select({ leaseNumber: leases.number, unitNumber: units.number })
    .from(leaseUnits)
    .innerJoin(leases, and(eq(leases.landlordId, leaseUnits.landlordId), eq(leases.id, leaseUnits.leaseId)))
    .innerJoin(units, and(eq(units.landlordId, leaseUnits.landlordId), eq(units.id, leaseUnits.unitId)))
    .where(
      and(
        eq(leaseUnits.landlordId, p.landlordId),
        inArray(leaseUnits.unitId, p.unitIds),
        p.exceptLeaseId ? ne(leases.id, p.exceptLeaseId) : undefined,
        inArray(leases.status, ['active', 'terminated']),
        isNull(leases.archivedAt),
        sql`daterange(${leases.validFrom}, ${leases.validTo}, '[]') && daterange(${p.validFrom}::date, ${p.validTo}::date, '[]')`,
      ),
    )
    .orderBy(asc(leases.number))
    .limit(1);
  return row;
}

export async function insertLease(db: DbOrTx, values: LeaseValues & { landlordId: string }) {
  const [row] = await db.insert(leases).values(values).returning();
  return row!;
}

export async function updateLease(db: DbOrTx, p: { landlordId: string; leaseId: string }, values: Partial<LeaseValues>) {
  const [row] = await db
    .update(leases)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(leases.landlordId, p.landlordId), eq(leases.id, p.leaseId)))
    .returning();
  return row!;
}

export async function replaceLeaseUnits(db: DbOrTx, p: { landlordId: string; leaseId: string; unitIds: string[] }) {
  await db.delete(leaseUnits).where(and(eq(leaseUnits.landlordId, p.landlordId), eq(leaseUnits.leaseId, p.leaseId)));
  await db.insert(leaseUnits).values(p.unitIds.map((unitId) => ({ landlordId: p.landlordId, leaseId: p.leaseId, unitId })));
}

export async function replaceRentLines(db: DbOrTx, p: { landlordId: string; leaseId: string; lines: RentLineValues[] }) {
  await db.delete(leaseRentLines).where(and(eq(leaseRentLines.landlordId, p.landlordId), eq(leaseRentLines.leaseId, p.leaseId)));
  if (p.lines.length)
    await db
      .insert(leaseRentLines)
      .values(p.lines.map((l, position) => ({ ...l, position, landlordId: p.landlordId, leaseId: p.leaseId })));
}

/** Customers and units named by external id (the import and integrators). */
export async function findCustomerIdByExternalId(db: DbOrTx, p: { landlordId: string; externalId: string }) {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.landlordId, p.landlordId), eq(customers.externalId, p.externalId)));
  return row?.id;
}

export async function findUnitIdsByExternalId(db: DbOrTx, p: { landlordId: string; externalIds: string[] }) {
  if (!p.externalIds.length) return [];
  return db
    .select({ id: units.id, externalId: units.externalId })
    .from(units)
    .where(and(eq(units.landlordId, p.landlordId), inArray(units.externalId, p.externalIds)));
}

/** Whether a customer of the landlord exists (a lease's customer must be the landlord's own). */
export async function customerExists(db: DbOrTx, p: { landlordId: string; customerId: string }) {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.landlordId, p.landlordId), eq(customers.id, p.customerId)));
  return Boolean(row);
}

// --- The console's list ------------------------------------------------------------------------------

const SORTS = {
  // Lease numbers are unique per landlord: the number alone names a row.
  number: [{ expr: leases.number, type: 'text' }],
  validFrom: [
    { expr: leases.validFrom, type: 'date' },
    { expr: leases.id, type: 'uuid' },
  ],
  customer: [
    { expr: customers.name, type: 'text' },
    { expr: leases.number, type: 'text' },
  ],
} as const;

const KEYSETS = Object.fromEntries(
  Object.entries(SORTS).flatMap(([sort, columns]) =>
    (['asc', 'desc'] as const).map((dir) => [`${sort}:${dir}`, keyset([...columns], dir)]),
  ),
) as Record<string, ReturnType<typeof keyset>>;

const holdsUnitWhere = (cond: SQL) =>
  sql`exists (select 1 from ${leaseUnits} inner join ${units} on ${units.landlordId} = ${leaseUnits.landlordId} and ${units.id} = ${leaseUnits.unitId}
    where ${leaseUnits.landlordId} = ${leases.landlordId} and ${leaseUnits.leaseId} = ${leases.id} and ${cond})`;

/**
 * Served by leases_landlord_number_key (number order), leases_landlord_valid_from_idx, and for the
 * customer order customers_landlord_name_idx; the status, type and customer filters by their
 * (landlord_id, …, number) indexes; the property filter and address search by lease_units_unit_idx;
 * `q` on the number by the trigram index (decision 9L3).
 */
export async function listLeases(db: DbOrTx, landlordId: string, query: LeaseListQuery) {
  const ks = KEYSETS[`${query.sort}:${query.dir}`]!;
  const pos = ks.decode(query.cursor);
  const like = query.q ? `%${escapeLike(query.q)}%` : undefined;
  const mainUnit = sql`(select ${units.address} from ${units} where ${units.landlordId} = ${leases.landlordId} and ${units.id} = ${leases.unitId})`;
  const where = and(
    eq(leases.landlordId, landlordId),
    like ? or(ilike(leases.number, like), ilike(customers.name, like), holdsUnitWhere(sql`${units.address} ilike ${like}`)) : undefined,
    query.status ? eq(leases.status, query.status) : undefined,
    query.type ? eq(leases.type, query.type) : undefined,
    query.customerId ? eq(leases.customerId, query.customerId) : undefined,
    query.propertyId ? holdsUnitWhere(sql`${units.propertyId} = ${query.propertyId}`) : undefined,
    query.validOn
      ? and(lte(leases.validFrom, query.validOn), sql`(${leases.validTo} is null or ${leases.validTo} >= ${query.validOn})`)
      : undefined,
    query.archived === 'false' ? isNull(leases.archivedAt) : query.archived === 'true' ? isNotNull(leases.archivedAt) : undefined,
  );
  const from = () =>
    db
      .select({
        lease: leases,
        customerName: customers.name,
        address: sql<string>`${mainUnit}`,
        unitCount: sql<number>`(select count(*)::int from ${leaseUnits} where ${leaseUnits.landlordId} = ${leases.landlordId} and ${leaseUnits.leaseId} = ${leases.id})`,
        ...ks.select,
      })
      .from(leases)
      .innerJoin(customers, and(eq(customers.landlordId, leases.landlordId), eq(customers.id, leases.customerId)));
  const [rows, count] = await Promise.all([
    from()
      .where(and(where, ks.where(pos)))
      .orderBy(...ks.orderBy(pos))
      .limit(query.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(leases)
        .innerJoin(customers, and(eq(customers.landlordId, leases.landlordId), eq(customers.id, leases.customerId)))
        .where(where)
        .orderBy(...ks.orderBy()),
    ),
  ]);
  return { ...ks.page(rows, query.limit, pos), ...count };
}

/** Units to pick for a lease, by number, address or property name, with the running lease holding each today. */
export async function searchUnits(db: DbOrTx, p: { landlordId: string; q?: string | undefined; limit: number; today: string }) {
  const like = p.q ? `%${escapeLike(p.q)}%` : undefined;
  return db
    .select({
      id: units.id,
      number: units.number,
      type: units.type,
      address: units.address,
      areaM2: units.areaM2,
      propertyId: properties.id,
      propertyName: properties.name,
      leasedBy: sql<string | null>`(select ${leases.number} from ${leaseUnits}
        inner join ${leases} on ${leases.landlordId} = ${leaseUnits.landlordId} and ${leases.id} = ${leaseUnits.leaseId}
        where ${leaseUnits.landlordId} = ${units.landlordId} and ${leaseUnits.unitId} = ${units.id}
          and ${leases.status} in ('active', 'terminated') and ${leases.archivedAt} is null
          and ${leases.validFrom} <= ${p.today}::date and (${leases.validTo} is null or ${leases.validTo} >= ${p.today}::date)
        limit 1)`,
    })
    .from(units)
    .innerJoin(properties, and(eq(properties.landlordId, units.landlordId), eq(properties.id, units.propertyId)))
    .where(
      and(
        eq(units.landlordId, p.landlordId),
        like ? or(ilike(units.number, like), ilike(units.address, like), ilike(properties.name, like)) : undefined,
      ),
    )
    .orderBy(asc(properties.name), asc(units.number), asc(units.id))
    .limit(p.limit);
}

/** Whether a customer holds a running lease (active or terminated, not archived). */
export async function customerHasRunningLease(db: DbOrTx, p: { landlordId: string; customerId: string }) {
  const [row] = await db
    .select({ id: leases.id })
    .from(leases)
    .where(
      and(
        eq(leases.landlordId, p.landlordId),
        eq(leases.customerId, p.customerId),
        inArray(leases.status, ['active', 'terminated']),
        isNull(leases.archivedAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}
