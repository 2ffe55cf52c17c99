import type { Currency } from '@portico/shared/contracts/billing-core';
import type { PaymentImportTally, PaymentListQuery } from '@portico/shared/contracts/payments';
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { customers } from '../../db/schema/customers';
import { billingSettings, invoices, paymentAllocations, paymentImports, payments } from '../../db/schema/invoices';
import { landlords } from '../../db/schema/landlords';
import { staffUsers } from '../../db/schema/staff';

type Page = { cursor?: string | undefined; limit: number };

/** The landlord's bankgiro (BgMax payee check) and billing currency (manual payments). */
export async function paymentContext(db: DbOrTx, landlordId: string) {
  const [row] = await db
    .select({ accounts: landlords.paymentAccounts, country: landlords.country, currency: billingSettings.currency })
    .from(landlords)
    .leftJoin(billingSettings, eq(billingSettings.landlordId, landlords.id))
    .where(eq(landlords.id, landlordId));
  const currency: Currency = row?.currency ?? (row?.country === 'DK' ? 'DKK' : 'SEK');
  return { bankgiro: row?.accounts.bankgiro ?? null, currency };
}

// --- Imports -------------------------------------------------------------------------------------

/** An earlier import of the same file: the same payee and TK01 stamp, or the same bytes. */
export async function findDuplicateImport(db: DbOrTx, p: { landlordId: string; payeeAccount: string; fileStamp: string; sha256: string }) {
  const [row] = await db
    .select({ id: paymentImports.id, createdAt: paymentImports.createdAt })
    .from(paymentImports)
    .where(
      and(
        eq(paymentImports.landlordId, p.landlordId),
        sql`((${paymentImports.payeeAccount} = ${p.payeeAccount} and ${paymentImports.fileStamp} = ${p.fileStamp}) or ${paymentImports.sha256} = ${p.sha256})`,
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertImport(db: DbOrTx, values: typeof paymentImports.$inferInsert) {
  const [row] = await db.insert(paymentImports).values(values).returning();
  return row!;
}

export async function setImportTally(db: DbOrTx, p: { landlordId: string; id: string; tally: PaymentImportTally; matchedCount: number }) {
  await db
    .update(paymentImports)
    .set({ tally: p.tally, matchedCount: p.matchedCount })
    .where(and(eq(paymentImports.landlordId, p.landlordId), eq(paymentImports.id, p.id)));
}

/** The BGC serials of these that are booked already. */
export async function bookedSerials(db: DbOrTx, p: { landlordId: string; serials: string[] }) {
  if (p.serials.length === 0) return [];
  const rows = await db
    .select({ serial: payments.bankSerial })
    .from(payments)
    .where(and(eq(payments.landlordId, p.landlordId), inArray(payments.bankSerial, p.serials)));
  return rows.map((r) => r.serial!);
}

/**
 * The notice an OCR/FI reference names (served by invoices' reference index): never a credit note;
 * if a reference were ever reused, the oldest open notice first.
 */
export async function invoiceByReference(db: DbOrTx, p: { landlordId: string; reference: string }) {
  const [row] = await db
    .select({ id: invoices.id, customerId: invoices.customerId, currency: invoices.currency })
    .from(invoices)
    .where(and(eq(invoices.landlordId, p.landlordId), eq(invoices.reference, p.reference), ne(invoices.kind, 'credit_note')))
    .orderBy(sql`case when ${invoices.status} in ('unpaid', 'partly_paid') then 0 else 1 end`, asc(invoices.dueDate), asc(invoices.id))
    .limit(1);
  return row ?? null;
}

const importColumns = {
  imp: paymentImports,
  createdBy: { id: staffUsers.id, name: staffUsers.name },
};

const importKeys = keyset(
  [
    { expr: paymentImports.createdAt, type: 'timestamptz' },
    { expr: paymentImports.id, type: 'uuid' },
  ],
  'desc',
);

/** Newest first, served by payment_imports_landlord_idx. */
export async function listImports(db: DbOrTx, p: { landlordId: string } & Page) {
  const pos = importKeys.decode(p.cursor);
  const where = eq(paymentImports.landlordId, p.landlordId);
  const [rows, count] = await Promise.all([
    db
      .select({ ...importColumns, ...importKeys.select })
      .from(paymentImports)
      .leftJoin(staffUsers, and(eq(staffUsers.id, paymentImports.createdBy), eq(staffUsers.landlordId, paymentImports.landlordId)))
      .where(and(where, importKeys.where(pos)))
      .orderBy(...importKeys.orderBy(pos))
      .limit(p.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(paymentImports)
        .where(where)
        .orderBy(...importKeys.orderBy()),
    ),
  ]);
  return { ...importKeys.page(rows, p.limit, pos), ...count };
}

export async function getImport(db: DbOrTx, p: { landlordId: string; id: string }) {
  const [row] = await db
    .select(importColumns)
    .from(paymentImports)
    .leftJoin(staffUsers, and(eq(staffUsers.id, paymentImports.createdBy), eq(staffUsers.landlordId, paymentImports.landlordId)))
    .where(and(eq(paymentImports.landlordId, p.landlordId), eq(paymentImports.id, p.id)));
  return row ?? null;
}

// --- Payments ------------------------------------------------------------------------------------

const paymentColumns = {
  payment: payments,
  customer: { id: customers.id, name: customers.name },
};

const newestFirst = keyset(
  [
    { expr: payments.paidOn, type: 'date' },
    { expr: payments.id, type: 'uuid' },
  ],
  'desc',
);
const oldestFirst = keyset(
  [
    { expr: payments.paidOn, type: 'date' },
    { expr: payments.id, type: 'uuid' },
  ],
  'asc',
);

/**
 * The staff list, newest payment day first. Each filter leads an index: customer →
 * payments_customer_idx, source → payments_source_idx, import → payments_import_idx, matched /
 * unmatched → the partial payments_matched_idx / payments_unmatched_idx, dates alone →
 * payments_landlord_paid_idx (paid_on is the next column of each).
 */
export function paymentFilter(landlordId: string, q: Omit<PaymentListQuery, 'cursor' | 'limit'>) {
  return and(
    eq(payments.landlordId, landlordId),
    q.from ? gte(payments.paidOn, q.from) : undefined,
    q.to ? lte(payments.paidOn, q.to) : undefined,
    q.customerId ? eq(payments.customerId, q.customerId) : undefined,
    q.source ? eq(payments.source, q.source) : undefined,
    q.importId ? eq(payments.importId, q.importId) : undefined,
    q.matched === 'matched' ? isNotNull(payments.customerId) : q.matched === 'unmatched' ? isNull(payments.customerId) : undefined,
  );
}

export async function listPayments(db: DbOrTx, p: { landlordId: string; query: PaymentListQuery; unmatchedQueue?: boolean }) {
  const keys = p.unmatchedQueue ? oldestFirst : newestFirst;
  const pos = keys.decode(p.query.cursor);
  const where = p.unmatchedQueue
    ? and(eq(payments.landlordId, p.landlordId), isNull(payments.customerId))
    : paymentFilter(p.landlordId, p.query);
  const [rows, count] = await Promise.all([
    db
      .select({ ...paymentColumns, ...keys.select })
      .from(payments)
      .leftJoin(customers, and(eq(customers.id, payments.customerId), eq(customers.landlordId, payments.landlordId)))
      .where(and(where, keys.where(pos)))
      .orderBy(...keys.orderBy(pos))
      .limit(p.query.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(payments)
        .where(where)
        .orderBy(...keys.orderBy()),
    ),
  ]);
  return { ...keys.page(rows, p.query.limit, pos), ...count };
}

/** One batch of the export, after `cursor` (keyset), newest first. */
export async function exportBatch(
  db: DbOrTx,
  p: { landlordId: string; query: Omit<PaymentListQuery, 'cursor' | 'limit'>; cursor?: string; limit: number },
) {
  const pos = newestFirst.decode(p.cursor);
  const rows = await db
    .select({ ...paymentColumns, ...newestFirst.select })
    .from(payments)
    .leftJoin(customers, and(eq(customers.id, payments.customerId), eq(customers.landlordId, payments.landlordId)))
    .where(and(paymentFilter(p.landlordId, p.query), newestFirst.where(pos)))
    .orderBy(...newestFirst.orderBy(pos))
    .limit(p.limit + 1);
  return newestFirst.page(rows, p.limit, pos);
}

export async function getPayment(db: DbOrTx, p: { landlordId: string; id: string; lock?: boolean }) {
  const query = db
    .select(paymentColumns)
    .from(payments)
    .leftJoin(customers, and(eq(customers.id, payments.customerId), eq(customers.landlordId, payments.landlordId)))
    .where(and(eq(payments.landlordId, p.landlordId), eq(payments.id, p.id)));
  const [row] = p.lock ? await query.for('update', { of: payments }) : await query;
  return row ?? null;
}

/** Allocations of these payments with their notices' numbers, oldest first. */
export async function allocationsOf(db: DbOrTx, p: { landlordId: string; paymentIds: string[] }) {
  if (p.paymentIds.length === 0) return [];
  return db
    .select({
      paymentId: paymentAllocations.paymentId,
      invoiceId: paymentAllocations.invoiceId,
      invoiceNumber: invoices.number,
      amountMinor: paymentAllocations.amountMinor,
      createdAt: paymentAllocations.createdAt,
    })
    .from(paymentAllocations)
    .innerJoin(invoices, and(eq(invoices.landlordId, paymentAllocations.landlordId), eq(invoices.id, paymentAllocations.invoiceId)))
    .where(and(eq(paymentAllocations.landlordId, p.landlordId), inArray(paymentAllocations.paymentId, p.paymentIds)))
    .orderBy(asc(paymentAllocations.createdAt), asc(paymentAllocations.id));
}

export async function getInvoice(db: DbOrTx, p: { landlordId: string; id: string }) {
  const [row] = await db
    .select({
      id: invoices.id,
      customerId: invoices.customerId,
      kind: invoices.kind,
      currency: invoices.currency,
      openMinor: sql<number>`greatest(0, ${invoices.totalMinor} - ${invoices.paidMinor} - ${invoices.creditedMinor})::bigint`.mapWith(
        Number,
      ),
    })
    .from(invoices)
    .where(and(eq(invoices.landlordId, p.landlordId), eq(invoices.id, p.id)));
  return row ?? null;
}

/**
 * Notices (not credit notes) whose reference is `q`, or whose sequence number is `q` when it is
 * digits: both served by unique indexes. At most 10.
 */
export async function findPayableInvoices(db: DbOrTx, p: { landlordId: string; q: string }) {
  const reference = p.q.replace(/\s/g, '');
  const seq = /^\d{1,9}$/.test(reference) ? Number(reference) : null;
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      reference: invoices.reference,
      customer: { id: customers.id, name: customers.name },
      dueDate: invoices.dueDate,
      currency: invoices.currency,
      totalMinor: invoices.totalMinor,
      openMinor: sql<number>`greatest(0, ${invoices.totalMinor} - ${invoices.paidMinor} - ${invoices.creditedMinor})::bigint`.mapWith(
        Number,
      ),
    })
    .from(invoices)
    .innerJoin(customers, and(eq(customers.landlordId, invoices.landlordId), eq(customers.id, invoices.customerId)))
    .where(
      and(
        eq(invoices.landlordId, p.landlordId),
        ne(invoices.kind, 'credit_note'),
        seq === null ? eq(invoices.reference, reference) : sql`(${invoices.reference} = ${reference} or ${invoices.seq} = ${seq})`,
      ),
    )
    .orderBy(asc(invoices.seq))
    .limit(10);
}

export async function customerExists(db: DbOrTx, p: { landlordId: string; id: string }) {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.landlordId, p.landlordId), eq(customers.id, p.id)));
  return Boolean(row);
}

/** Takes the payment out of the unmatched queue: it belongs to the customer from now on. */
export async function setPaymentCustomer(db: DbOrTx, p: { landlordId: string; id: string; customerId: string; note?: string | undefined }) {
  await db
    .update(payments)
    .set({ customerId: p.customerId, ...(p.note ? { note: p.note } : {}) })
    .where(and(eq(payments.landlordId, p.landlordId), eq(payments.id, p.id)));
}

/** The tenant's payments, newest first, served by payments_customer_idx. */
export async function listCustomerPayments(db: DbOrTx, p: { landlordId: string; customerId: string } & Page) {
  const pos = newestFirst.decode(p.cursor);
  const where = and(eq(payments.landlordId, p.landlordId), eq(payments.customerId, p.customerId));
  const [rows, count] = await Promise.all([
    db
      .select({ payment: payments, ...newestFirst.select })
      .from(payments)
      .where(and(where, newestFirst.where(pos)))
      .orderBy(...newestFirst.orderBy(pos))
      .limit(p.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(payments)
        .where(where)
        .orderBy(...newestFirst.orderBy()),
    ),
  ]);
  return { ...newestFirst.page(rows, p.limit, pos), ...count };
}
