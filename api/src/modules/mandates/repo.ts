import type { MandateKind, MandateStatus } from '@portico/shared/contracts/billing-core';
import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { customers } from '../../db/schema/customers';
import { invoices, mandateExports, mandates } from '../../db/schema/invoices';
import { landlords } from '../../db/schema/landlords';
import { leases } from '../../db/schema/leases';
import { units } from '../../db/schema/properties';

export type MandateRow = typeof mandates.$inferSelect;

export async function findLandlord(db: DbOrTx, landlordId: string) {
  const [row] = await db
    .select({
      id: landlords.id,
      name: landlords.name,
      brandName: landlords.brandName,
      country: landlords.country,
      defaultLocale: landlords.defaultLocale,
      portalEnabled: landlords.portalEnabled,
      paymentAccounts: landlords.paymentAccounts,
      supportEmail: landlords.supportEmail,
      supportPhone: landlords.supportPhone,
    })
    .from(landlords)
    .where(eq(landlords.id, landlordId));
  return row;
}

const leaseRef = { id: leases.id, number: leases.number, unitType: units.type, address: units.address };

/** The customer's leases that are not ended, with the reference the portal shows. */
export async function listCustomerLeases(db: DbOrTx, landlordId: string, customerId: string) {
  return db
    .select(leaseRef)
    .from(leases)
    .innerJoin(units, eq(units.id, leases.unitId))
    .where(and(eq(leases.landlordId, landlordId), eq(leases.customerId, customerId), ne(leases.status, 'ended')))
    .orderBy(asc(leases.number));
}

export async function findCustomerLease(db: DbOrTx, landlordId: string, customerId: string, leaseId: string) {
  const [row] = await db
    .select(leaseRef)
    .from(leases)
    .innerJoin(units, eq(units.id, leases.unitId))
    .where(and(eq(leases.landlordId, landlordId), eq(leases.customerId, customerId), eq(leases.id, leaseId)));
  return row;
}

/** A customer's mandates with their lease, newest first (bounded by the customer's leases). */
export async function listCustomerMandates(db: DbOrTx, landlordId: string, customerId: string) {
  return db
    .select({ mandate: mandates, lease: leaseRef })
    .from(mandates)
    .innerJoin(leases, and(eq(leases.landlordId, mandates.landlordId), eq(leases.id, mandates.leaseId)))
    .innerJoin(units, eq(units.id, leases.unitId))
    .where(and(eq(mandates.landlordId, landlordId), eq(mandates.customerId, customerId)))
    .orderBy(desc(mandates.createdAt), desc(mandates.id));
}

/** Serialises mandate creation per landlord (payer numbers and the one-live-per-lease rule). */
export async function lockLandlordMandates(tx: DbOrTx, landlordId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mandates:${landlordId}`}))`);
}

export async function findLiveMandate(db: DbOrTx, landlordId: string, leaseId: string) {
  const [row] = await db
    .select({ id: mandates.id })
    .from(mandates)
    .where(and(eq(mandates.landlordId, landlordId), eq(mandates.leaseId, leaseId), inArray(mandates.status, ['pending', 'active'])));
  return row;
}

export async function findActiveMandateId(db: DbOrTx, landlordId: string, leaseId: string) {
  const [row] = await db
    .select({ id: mandates.id })
    .from(mandates)
    .where(and(eq(mandates.landlordId, landlordId), eq(mandates.leaseId, leaseId), eq(mandates.status, 'active')));
  return row?.id ?? null;
}

/** The payer number an earlier mandate of the lease had (kept across re-signing). */
export async function previousPayerNumber(db: DbOrTx, landlordId: string, leaseId: string) {
  const [row] = await db
    .select({ payerNumber: mandates.payerNumber })
    .from(mandates)
    .where(and(eq(mandates.landlordId, landlordId), eq(mandates.leaseId, leaseId)))
    .orderBy(desc(mandates.createdAt))
    .limit(1);
  return row?.payerNumber;
}

/** Whether another lease's mandate already uses a payer number. */
export async function payerNumberTaken(db: DbOrTx, landlordId: string, payerNumber: string, leaseId: string) {
  const [row] = await db
    .select({ id: mandates.id })
    .from(mandates)
    .where(and(eq(mandates.landlordId, landlordId), eq(mandates.payerNumber, payerNumber), ne(mandates.leaseId, leaseId)))
    .limit(1);
  return row !== undefined;
}

/** The highest numeric payer number of the landlord (for numbers not derived from a lease). */
export async function maxPayerNumber(db: DbOrTx, landlordId: string) {
  const [row] = await db
    .select({ max: sql<string | null>`max(${mandates.payerNumber}::numeric)::text` })
    .from(mandates)
    .where(and(eq(mandates.landlordId, landlordId), sql`${mandates.payerNumber} ~ '^[0-9]{1,16}$'`));
  return row?.max ? BigInt(row.max) : 0n;
}

export async function insertMandate(db: DbOrTx, values: typeof mandates.$inferInsert) {
  const [row] = await db.insert(mandates).values(values).returning();
  return row!;
}

const staffSelect = {
  mandate: mandates,
  customer: { id: customers.id, name: customers.name },
  lease: { id: leases.id, number: leases.number },
};

export async function findMandate(db: DbOrTx, landlordId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select(staffSelect)
    .from(mandates)
    .innerJoin(customers, and(eq(customers.landlordId, mandates.landlordId), eq(customers.id, mandates.customerId)))
    .innerJoin(leases, and(eq(leases.landlordId, mandates.landlordId), eq(leases.id, mandates.leaseId)))
    .where(and(eq(mandates.landlordId, landlordId), eq(mandates.id, id)));
  const [row] = opts.forUpdate ? await q.for('update', { of: mandates }) : await q;
  return row;
}

const newestFirst = keyset(
  [
    { expr: mandates.createdAt, type: 'timestamptz' },
    { expr: mandates.id, type: 'uuid' },
  ],
  'desc',
);

/**
 * Newest first; served by mandates_landlord_created_idx, mandates_landlord_status_idx (status) and
 * mandates_customer_idx (customer). `kind` is a residual filter: a landlord collects by one kind.
 */
export async function listMandates(
  db: DbOrTx,
  landlordId: string,
  filter: { status?: MandateStatus | undefined; kind?: MandateKind | undefined; customerId?: string | undefined },
  page: { cursor?: string | undefined; limit: number },
) {
  const pos = newestFirst.decode(page.cursor);
  const where = and(
    eq(mandates.landlordId, landlordId),
    filter.status ? eq(mandates.status, filter.status) : undefined,
    filter.kind ? eq(mandates.kind, filter.kind) : undefined,
    filter.customerId ? eq(mandates.customerId, filter.customerId) : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select({ ...staffSelect, ...newestFirst.select })
      .from(mandates)
      .innerJoin(customers, and(eq(customers.landlordId, mandates.landlordId), eq(customers.id, mandates.customerId)))
      .innerJoin(leases, and(eq(leases.landlordId, mandates.landlordId), eq(leases.id, mandates.leaseId)))
      .where(and(where, newestFirst.where(pos)))
      .orderBy(...newestFirst.orderBy(pos))
      .limit(page.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(mandates)
        .where(where)
        .orderBy(...newestFirst.orderBy()),
    ),
  ]);
  const paged = newestFirst.page(rows, page.limit, pos);
  return { ...paged, items: paged.items.map(({ mandate, customer, lease }) => ({ mandate, customer, lease })), ...count };
}

export async function updateMandate(db: DbOrTx, landlordId: string, id: string, set: Partial<typeof mandates.$inferInsert>) {
  const [row] = await db
    .update(mandates)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(mandates.landlordId, landlordId), eq(mandates.id, id)))
    .returning();
  return row!;
}

/** Pending mandates of a kind not yet in a file, oldest first, locked for the export. */
export async function pickForExport(tx: DbOrTx, landlordId: string, kind: MandateKind) {
  return tx
    .select()
    .from(mandates)
    .where(and(eq(mandates.landlordId, landlordId), eq(mandates.kind, kind), eq(mandates.status, 'pending'), isNull(mandates.exportedAt)))
    .orderBy(asc(mandates.createdAt), asc(mandates.id))
    .for('update');
}

export async function insertExport(tx: DbOrTx, values: typeof mandateExports.$inferInsert) {
  const [row] = await tx.insert(mandateExports).values(values).returning();
  return row!;
}

export async function markExported(tx: DbOrTx, landlordId: string, ids: string[], exportId: string, at: Date) {
  if (!ids.length) return;
  await tx
    .update(mandates)
    .set({ exportedAt: at, exportId, updatedAt: at })
    .where(and(eq(mandates.landlordId, landlordId), inArray(mandates.id, ids)));
}

export async function findExport(db: DbOrTx, landlordId: string, id: string) {
  const [row] = await db
    .select()
    .from(mandateExports)
    .where(and(eq(mandateExports.landlordId, landlordId), eq(mandateExports.id, id)));
  return row;
}

/** On activation: the lease's open notices not yet due get the mandate. */
export async function attachToOpenNotices(tx: DbOrTx, landlordId: string, leaseId: string, mandateId: string, today: string) {
  return tx
    .update(invoices)
    .set({ mandateId, updatedAt: new Date() })
    .where(
      and(
        eq(invoices.landlordId, landlordId),
        eq(invoices.leaseId, leaseId),
        inArray(invoices.status, ['unpaid', 'partly_paid']),
        ne(invoices.kind, 'credit_note'),
        gte(invoices.dueDate, today),
      ),
    )
    .returning({ id: invoices.id });
}

/** On cancellation: notices not yet collected (still open) lose the mandate; paid ones keep it. */
export async function detachFromOpenNotices(tx: DbOrTx, landlordId: string, mandateId: string) {
  return tx
    .update(invoices)
    .set({ mandateId: null, updatedAt: new Date() })
    .where(and(eq(invoices.landlordId, landlordId), eq(invoices.mandateId, mandateId), inArray(invoices.status, ['unpaid', 'partly_paid'])))
    .returning({ id: invoices.id });
}

const collectionSelect = {
  invoiceId: invoices.id,
  number: invoices.number,
  customer: { id: customers.id, name: customers.name },
  lease: { id: leases.id, number: leases.number },
  mandate: { id: mandates.id, kind: mandates.kind, payerNumber: mandates.payerNumber, status: mandates.status },
  customerId: invoices.customerId,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  openMinor: sql<number>`greatest(0, ${invoices.totalMinor} - ${invoices.paidMinor} - ${invoices.creditedMinor})::int`,
};

/** Open notices with an active mandate due on or before `dueDate` (invoices_mandate_open_due_idx). */
export async function listCollectable(db: DbOrTx, landlordId: string, dueDate: string, limit: number) {
  return db
    .select(collectionSelect)
    .from(invoices)
    .innerJoin(mandates, and(eq(mandates.landlordId, invoices.landlordId), eq(mandates.id, invoices.mandateId)))
    .innerJoin(customers, and(eq(customers.landlordId, invoices.landlordId), eq(customers.id, invoices.customerId)))
    .innerJoin(leases, and(eq(leases.landlordId, invoices.landlordId), eq(leases.id, invoices.leaseId)))
    .where(
      and(
        eq(invoices.landlordId, landlordId),
        sql`${invoices.mandateId} is not null`,
        inArray(invoices.status, ['unpaid', 'partly_paid']),
        ne(invoices.kind, 'credit_note'),
        lte(invoices.dueDate, dueDate),
        eq(mandates.status, 'active'),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(limit);
}

/** The notices of a confirmed run, locked so a second confirmation waits and then skips them. */
export async function lockNoticesForCollection(tx: DbOrTx, landlordId: string, ids: string[]) {
  return tx
    .select({ ...collectionSelect, kind: invoices.kind, status: invoices.status })
    .from(invoices)
    .leftJoin(mandates, and(eq(mandates.landlordId, invoices.landlordId), eq(mandates.id, invoices.mandateId)))
    .innerJoin(customers, and(eq(customers.landlordId, invoices.landlordId), eq(customers.id, invoices.customerId)))
    .innerJoin(leases, and(eq(leases.landlordId, invoices.landlordId), eq(leases.id, invoices.leaseId)))
    .where(and(eq(invoices.landlordId, landlordId), inArray(invoices.id, ids)))
    .orderBy(asc(invoices.id))
    .for('update', { of: invoices });
}
