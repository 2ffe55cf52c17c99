import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  caseCounters,
  caseEvents,
  caseFollowers,
  caseRecipients,
  caseRoutingRules,
  cases,
  equipmentObjects,
  workOrders,
} from '../../db/schema/cases';
import { customerContacts, customers, portalMemberships } from '../../db/schema/customers';
import { leases } from '../../db/schema/leases';
import { properties, units } from '../../db/schema/properties';
import { staffUsers } from '../../db/schema/staff';

export type CaseRow = typeof cases.$inferSelect;

/** Case numbers per landlord and year: 2027-00042. The counter row serialises concurrent cases. */
export async function nextCaseNumber(db: DbOrTx, landlordId: string, year: number) {
  const [row] = await db
    .insert(caseCounters)
    .values({ landlordId, year, last: 1 })
    .onConflictDoUpdate({ target: [caseCounters.landlordId, caseCounters.year], set: { last: sql`${caseCounters.last} + 1` } })
    .returning({ last: caseCounters.last });
  return `${year}-${String(row!.last).padStart(5, '0')}`;
}

export async function routingRule(db: DbOrTx, landlordId: string, caseType: CaseRow['type']) {
  const [row] = await db
    .select({ assigneeId: caseRoutingRules.assigneeId })
    .from(caseRoutingRules)
    .where(and(eq(caseRoutingRules.landlordId, landlordId), eq(caseRoutingRules.caseType, caseType)));
  return row?.assigneeId;
}

export async function listRoutingRules(db: DbOrTx, landlordId: string) {
  return db.select().from(caseRoutingRules).where(eq(caseRoutingRules.landlordId, landlordId));
}

export async function setRoutingRule(db: DbOrTx, landlordId: string, caseType: CaseRow['type'], assigneeId: string | null) {
  if (!assigneeId) {
    await db.delete(caseRoutingRules).where(and(eq(caseRoutingRules.landlordId, landlordId), eq(caseRoutingRules.caseType, caseType)));
    return;
  }
  await db
    .insert(caseRoutingRules)
    .values({ landlordId, caseType, assigneeId })
    .onConflictDoUpdate({ target: [caseRoutingRules.landlordId, caseRoutingRules.caseType], set: { assigneeId } });
}

/** The live (not archived, issue 9) properties, for the pickers. */
export async function listProperties(db: DbOrTx, landlordId: string) {
  return db
    .select({
      id: properties.id,
      name: properties.name,
      // Joined, not a correlated subquery: drizzle leaves columns unqualified inside a one-table select, which made `id` ambiguous.
      customerCount: sql<number>`count(distinct ${leases.customerId})::int`,
    })
    .from(properties)
    .leftJoin(units, and(eq(units.landlordId, properties.landlordId), eq(units.propertyId, properties.id)))
    .leftJoin(leases, and(eq(leases.landlordId, units.landlordId), eq(leases.unitId, units.id), eq(leases.status, 'active')))
    .where(and(eq(properties.landlordId, landlordId), isNull(properties.archivedAt)))
    .groupBy(properties.id)
    .orderBy(asc(properties.name));
}

/** The lease's unit and property, for a case about it. */
export async function leasePlace(db: DbOrTx, landlordId: string, customerId: string, leaseId: string) {
  const [row] = await db
    .select({
      leaseId: leases.id,
      unitId: units.id,
      propertyId: units.propertyId,
      address: units.address,
      postalCode: properties.postalCode,
      city: properties.city,
    })
    .from(leases)
    .innerJoin(units, eq(units.id, leases.unitId))
    .innerJoin(properties, eq(properties.id, units.propertyId))
    .where(and(eq(leases.landlordId, landlordId), eq(leases.customerId, customerId), eq(leases.id, leaseId)));
  return row;
}

export async function findStaffMember(db: DbOrTx, landlordId: string, staffId: string) {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.landlordId, landlordId), eq(staffUsers.id, staffId)));
  return row;
}

/** A colleague who may be given a case: not deactivated (decision 9T2). */
export async function findAssignableStaff(db: DbOrTx, landlordId: string, staffId: string) {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.landlordId, landlordId), eq(staffUsers.id, staffId), isNull(staffUsers.deactivatedAt)));
  return row;
}

/** The assignee picker: deactivated colleagues are not offered (their existing cases keep their name). */
export async function listStaff(db: DbOrTx, landlordId: string) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
    .from(staffUsers)
    .where(and(eq(staffUsers.landlordId, landlordId), isNull(staffUsers.deactivatedAt)))
    .orderBy(asc(staffUsers.name));
}

export async function insertCase(db: DbOrTx, values: typeof cases.$inferInsert) {
  const [row] = await db.insert(cases).values(values).returning();
  return row!;
}

export async function updateCase(db: DbOrTx, landlordId: string, id: string, patch: Partial<typeof cases.$inferInsert>) {
  await db
    .update(cases)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(cases.landlordId, landlordId), eq(cases.id, id)));
}

export async function insertEvent(db: DbOrTx, values: typeof caseEvents.$inferInsert) {
  const [row] = await db.insert(caseEvents).values(values).returning();
  return row!;
}

/**
 * A case's timeline. Staff (`customerId` unset) see every entry; a tenant's customer sees no
 * internal notes and, on a property-wide case, only the broadcast entries and its own dialog.
 */
export async function listEvents(db: DbOrTx, p: { landlordId: string; caseId: string; customerId?: string | undefined }) {
  return db
    .select()
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.landlordId, p.landlordId),
        eq(caseEvents.caseId, p.caseId),
        p.customerId
          ? and(ne(caseEvents.kind, 'internal_note'), or(isNull(caseEvents.customerId), eq(caseEvents.customerId, p.customerId)))
          : undefined,
      ),
    )
    .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id));
}

// --- followers, recipients ------------------------------------------------------------------

type CaseRef = { landlordId: string; caseId: string };

export async function follow(db: DbOrTx, p: CaseRef & { portalUserId: string }) {
  await db.insert(caseFollowers).values(p).onConflictDoNothing();
}

export async function unfollow(db: DbOrTx, p: CaseRef & { portalUserId: string }) {
  await db
    .delete(caseFollowers)
    .where(
      and(eq(caseFollowers.landlordId, p.landlordId), eq(caseFollowers.caseId, p.caseId), eq(caseFollowers.portalUserId, p.portalUserId)),
    );
}

/** A case's followers; with `customerId`, only the people of that customer (a property-wide case's recipient). */
export async function followers(db: DbOrTx, p: CaseRef & { customerId?: string | undefined }) {
  return db
    .select({ portalUserId: caseFollowers.portalUserId })
    .from(caseFollowers)
    .where(
      and(
        eq(caseFollowers.landlordId, p.landlordId),
        eq(caseFollowers.caseId, p.caseId),
        p.customerId
          ? sql`exists (select 1 from ${portalMemberships} where ${portalMemberships.portalUserId} = ${caseFollowers.portalUserId} and ${portalMemberships.landlordId} = ${caseFollowers.landlordId} and ${portalMemberships.customerId} = ${p.customerId})`
          : undefined,
      ),
    );
}

export async function insertRecipients(db: DbOrTx, p: CaseRef & { customerIds: string[] }) {
  if (p.customerIds.length)
    await db.insert(caseRecipients).values(p.customerIds.map((customerId) => ({ landlordId: p.landlordId, caseId: p.caseId, customerId })));
}

export async function listRecipients(db: DbOrTx, p: CaseRef) {
  return db
    .select({ customerId: customers.id, customerName: customers.name })
    .from(caseRecipients)
    .innerJoin(customers, and(eq(customers.landlordId, caseRecipients.landlordId), eq(customers.id, caseRecipients.customerId)))
    .where(and(eq(caseRecipients.landlordId, p.landlordId), eq(caseRecipients.caseId, p.caseId)))
    .orderBy(asc(customers.name));
}

/** Whether a customer is one of a property-wide case's recipients. */
export async function isRecipient(db: DbOrTx, p: CaseRef & { customerId: string }) {
  const [row] = await db
    .select({ customerId: caseRecipients.customerId })
    .from(caseRecipients)
    .where(
      and(eq(caseRecipients.landlordId, p.landlordId), eq(caseRecipients.caseId, p.caseId), eq(caseRecipients.customerId, p.customerId)),
    );
  return Boolean(row);
}

/** Customers with an active lease in a property: who a property-wide related case goes to. */
export async function customersOfProperty(db: DbOrTx, landlordId: string, propertyId: string) {
  return db
    .selectDistinct({ id: customers.id, name: customers.name, phone: customers.phone })
    .from(customers)
    .innerJoin(leases, and(eq(leases.customerId, customers.id), eq(leases.status, 'active')))
    .innerJoin(units, eq(units.id, leases.unitId))
    .where(and(eq(customers.landlordId, landlordId), eq(units.propertyId, propertyId)));
}

/** Where recipient customers can be reached: one row per contact person (or one with nulls), with the customer's own phone. */
export async function recipientAddresses(db: DbOrTx, landlordId: string, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  return db
    .select({ customerId: customers.id, customerPhone: customers.phone, email: customerContacts.email, phone: customerContacts.phone })
    .from(customers)
    .leftJoin(customerContacts, and(eq(customerContacts.landlordId, landlordId), eq(customerContacts.customerId, customers.id)))
    .where(and(eq(customers.landlordId, landlordId), inArray(customers.id, customerIds)));
}

// --- work orders -----------------------------------------------------------------------------

export async function insertWorkOrder(db: DbOrTx, values: typeof workOrders.$inferInsert) {
  const [row] = await db.insert(workOrders).values(values).returning();
  return row!;
}

export async function listWorkOrders(db: DbOrTx, landlordId: string, caseId: string) {
  return db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.landlordId, landlordId), eq(workOrders.caseId, caseId)))
    .orderBy(asc(workOrders.performedAt));
}

export async function lockWorkOrder(db: DbOrTx, landlordId: string, caseId: string, id: string) {
  const [row] = await db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.landlordId, landlordId), eq(workOrders.caseId, caseId), eq(workOrders.id, id)))
    .for('update');
  return row;
}

export async function signWorkOrder(
  db: DbOrTx,
  p: { landlordId: string; workOrderId: string },
  values: { signedBy: string; signatureKind: 'drawn' | 'file'; signatureAttachmentId: string },
) {
  await db
    .update(workOrders)
    .set({ ...values, signedAt: new Date() })
    .where(and(eq(workOrders.landlordId, p.landlordId), eq(workOrders.id, p.workOrderId)));
}

// --- objects -----------------------------------------------------------------------------------

export async function listObjects(db: DbOrTx, landlordId: string, customerId?: string) {
  const customerPlaces = customerId
    ? or(
        inArray(
          equipmentObjects.unitId,
          db
            .select({ id: leases.unitId })
            .from(leases)
            .where(and(eq(leases.customerId, customerId), eq(leases.status, 'active'))),
        ),
        inArray(
          equipmentObjects.propertyId,
          db
            .select({ id: units.propertyId })
            .from(leases)
            .innerJoin(units, eq(units.id, leases.unitId))
            .where(and(eq(leases.customerId, customerId), eq(leases.status, 'active'))),
        ),
      )
    : undefined;
  return db
    .select()
    .from(equipmentObjects)
    .where(and(eq(equipmentObjects.landlordId, landlordId), customerPlaces))
    .orderBy(asc(equipmentObjects.number));
}

export async function insertObject(db: DbOrTx, values: typeof equipmentObjects.$inferInsert) {
  const [row] = await db.insert(equipmentObjects).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateObject(db: DbOrTx, landlordId: string, id: string, patch: Partial<typeof equipmentObjects.$inferInsert>) {
  const where = and(eq(equipmentObjects.landlordId, landlordId), eq(equipmentObjects.id, id));
  // An empty patch (every field is optional) is a no-op; drizzle refuses an UPDATE without a SET.
  if (Object.values(patch).every((v) => v === undefined)) return (await db.select().from(equipmentObjects).where(where))[0];
  const [row] = await db.update(equipmentObjects).set(patch).where(where).returning();
  return row;
}

// The queue's reads live in their own file (lists, search, statistics).
export * from './search-repo';
