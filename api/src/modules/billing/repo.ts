import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { customers } from '../../db/schema/customers';
import { billingRuns, billingSettings, invoiceLines, invoices, mandates } from '../../db/schema/invoices';
import { landlords } from '../../db/schema/landlords';
import { leaseRentLines, leases } from '../../db/schema/leases';
import { units } from '../../db/schema/properties';

export type SettingsRow = typeof billingSettings.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceValues = typeof invoices.$inferInsert;
export type LineValues = typeof invoiceLines.$inferInsert;
export type RunRow = typeof billingRuns.$inferSelect;

export async function findLandlord(db: DbOrTx, p: { landlordId: string }) {
  const [row] = await db
    .select({ country: landlords.country, accounts: landlords.paymentAccounts })
    .from(landlords)
    .where(eq(landlords.id, p.landlordId));
  return row ?? null;
}

/** Creates the settings row with these defaults unless it exists; a concurrent first use is harmless. */
export async function ensureSettings(db: DbOrTx, values: typeof billingSettings.$inferInsert) {
  await db.insert(billingSettings).values(values).onConflictDoNothing({ target: billingSettings.landlordId });
}

export async function readSettings(db: DbOrTx, p: { landlordId: string; lock?: boolean }) {
  const query = db.select().from(billingSettings).where(eq(billingSettings.landlordId, p.landlordId));
  const [row] = p.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateSettings(db: DbOrTx, p: { landlordId: string }, values: Partial<typeof billingSettings.$inferInsert>) {
  const [row] = await db
    .update(billingSettings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(billingSettings.landlordId, p.landlordId))
    .returning();
  return row!;
}

/** Moves the series on past the numbers a write took (the settings row is locked by the caller). */
export async function setNextNumber(db: DbOrTx, p: { landlordId: string; nextNumber: number }) {
  await db.update(billingSettings).set({ nextNumber: p.nextNumber }).where(eq(billingSettings.landlordId, p.landlordId));
}

/**
 * Every lease of the landlord with what a billing run of `periodStart` needs to decide about it:
 * dates, status, cadence, whether it already has a notice for the period and whether it has rent
 * lines, plus the main unit's property and the active mandate. Ordered by lease number, the order
 * numbers are given in.
 */
export async function listRunCandidates(db: DbOrTx, p: { landlordId: string; periodStart: string }) {
  return db
    .select({
      id: leases.id,
      number: leases.number,
      customerId: leases.customerId,
      customerName: customers.name,
      validFrom: leases.validFrom,
      validTo: leases.validTo,
      status: leases.status,
      archived: sql<boolean>`${leases.archivedAt} is not null`,
      cadence: leases.billingCadence,
      propertyId: units.propertyId,
      mandateId: mandates.id,
      billed: sql<boolean>`exists (select 1 from ${invoices} where ${invoices.landlordId} = ${leases.landlordId}
        and ${invoices.leaseId} = ${leases.id} and ${invoices.periodStart} = ${p.periodStart} and ${invoices.kind} = 'notice')`,
    })
    .from(leases)
    .innerJoin(customers, and(eq(customers.landlordId, leases.landlordId), eq(customers.id, leases.customerId)))
    .innerJoin(units, and(eq(units.landlordId, leases.landlordId), eq(units.id, leases.unitId)))
    .leftJoin(mandates, and(eq(mandates.landlordId, leases.landlordId), eq(mandates.leaseId, leases.id), eq(mandates.status, 'active')))
    .where(eq(leases.landlordId, p.landlordId))
    .orderBy(asc(leases.number));
}

/** The landlord's rent lines (of every lease), in lease and position order. */
export async function listRentLines(db: DbOrTx, p: { landlordId: string; leaseIds?: string[] }) {
  return db
    .select({
      leaseId: leaseRentLines.leaseId,
      kind: leaseRentLines.kind,
      description: leaseRentLines.description,
      amountMinor: leaseRentLines.amountMinor,
      vatRate: leaseRentLines.vatRate,
    })
    .from(leaseRentLines)
    .where(and(eq(leaseRentLines.landlordId, p.landlordId), p.leaseIds ? inArray(leaseRentLines.leaseId, p.leaseIds) : undefined))
    .orderBy(asc(leaseRentLines.leaseId), asc(leaseRentLines.position));
}

export async function insertRun(db: DbOrTx, values: typeof billingRuns.$inferInsert) {
  const [row] = await db.insert(billingRuns).values(values).returning();
  return row!;
}

/** Rows per INSERT: the billing run sends each column as one array parameter (`unnest`), 5,000 rows a statement. */
export const INSERT_BATCH = 5000;

const arr = (values: unknown[]) => sql.param(values);

/**
 * A billing run's notices: what all of them share once, the rest as one array per column, unnested
 * by Postgres. Far cheaper than a VALUES list of 25 parameters a row (decision 11R2).
 */
export async function insertRunNotices(
  db: DbOrTx,
  common: {
    landlordId: string;
    period: string;
    periodStart: string;
    issueDate: string;
    currency: string;
    dueDate: string;
    paymentMethod: string;
    billingRunId: string;
  },
  rows: InvoiceValues[],
) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const b = rows.slice(i, i + INSERT_BATCH);
    await db.execute(sql`
      insert into ${invoices} (id, landlord_id, customer_id, lease_id, property_id, kind, number, seq, period, period_start,
        period_end, issue_date, subtotal_minor, vat_minor, total_minor, currency, due_date, status, reference, payment_method,
        billing_run_id, mandate_id)
      select u.id, ${common.landlordId}, u.customer_id, u.lease_id, u.property_id, 'notice', u.number, u.seq, ${common.period},
        ${common.periodStart}, u.period_end, ${common.issueDate}, u.subtotal, u.vat, u.total, ${common.currency}, ${common.dueDate},
        'unpaid', u.reference, ${common.paymentMethod}, ${common.billingRunId}, u.mandate_id
      from unnest(${arr(b.map((r) => r.id))}::uuid[], ${arr(b.map((r) => r.customerId))}::uuid[], ${arr(b.map((r) => r.leaseId))}::uuid[],
        ${arr(b.map((r) => r.propertyId ?? null))}::uuid[], ${arr(b.map((r) => r.number))}::text[], ${arr(b.map((r) => r.seq))}::bigint[],
        ${arr(b.map((r) => r.periodEnd))}::date[], ${arr(b.map((r) => r.subtotalMinor))}::bigint[], ${arr(b.map((r) => r.vatMinor))}::bigint[],
        ${arr(b.map((r) => r.totalMinor))}::bigint[], ${arr(b.map((r) => r.reference))}::text[], ${arr(b.map((r) => r.mandateId ?? null))}::uuid[])
        as u(id, customer_id, lease_id, property_id, number, seq, period_end, subtotal, vat, total, reference, mandate_id)`);
  }
}

/** One notice (a charge, a credit note, an integrator's notice). */
export async function insertInvoice(db: DbOrTx, row: InvoiceValues) {
  await db.insert(invoices).values(row);
}

export async function insertLines(db: DbOrTx, rows: LineValues[]) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const b = rows.slice(i, i + INSERT_BATCH);
    await db.execute(sql`
      insert into ${invoiceLines} (landlord_id, invoice_id, position, kind, description, amount_minor, vat_rate, vat_minor)
      select u.landlord_id, u.invoice_id, u.position, u.kind, u.description, u.amount, u.rate, u.vat
      from unnest(${arr(b.map((r) => r.landlordId))}::uuid[], ${arr(b.map((r) => r.invoiceId))}::uuid[], ${arr(b.map((r) => r.position))}::int[],
        ${arr(b.map((r) => r.kind))}::text[], ${arr(b.map((r) => r.description ?? ''))}::text[], ${arr(b.map((r) => r.amountMinor))}::bigint[],
        ${arr(b.map((r) => r.vatRate ?? 0))}::int[], ${arr(b.map((r) => r.vatMinor ?? 0))}::bigint[])
        as u(landlord_id, invoice_id, position, kind, description, amount, rate, vat)`);
  }
}

export async function deleteLines(db: DbOrTx, p: { landlordId: string; invoiceId: string }) {
  await db.delete(invoiceLines).where(and(eq(invoiceLines.landlordId, p.landlordId), eq(invoiceLines.invoiceId, p.invoiceId)));
}

export async function findRun(db: DbOrTx, p: { landlordId: string; runId: string }) {
  const [row] = await db
    .select()
    .from(billingRuns)
    .where(and(eq(billingRuns.landlordId, p.landlordId), eq(billingRuns.id, p.runId)));
  return row ?? null;
}

/** Whether the schedule already ran this period (the scheduled job's idempotency). */
export async function scheduledRunExists(db: DbOrTx, p: { landlordId: string; periodStart: string }) {
  const [row] = await db
    .select({ id: billingRuns.id })
    .from(billingRuns)
    .where(and(eq(billingRuns.landlordId, p.landlordId), eq(billingRuns.periodStart, p.periodStart), eq(billingRuns.source, 'schedule')))
    .limit(1);
  return row !== undefined;
}

/** Landlords whose scheduled run falls on or before `day` of the month (1–31). */
export async function listScheduledLandlords(db: DbOrTx, p: { day: number }) {
  return db
    .select({ landlordId: billingSettings.landlordId })
    .from(billingSettings)
    .where(sql`${billingSettings.scheduleDay} is not null and ${billingSettings.scheduleDay} <= ${p.day}`);
}

const runKeys = keyset(
  [
    { expr: billingRuns.createdAt, type: 'timestamptz' },
    { expr: billingRuns.id, type: 'uuid' },
  ],
  'desc',
);

/** Newest first, served by billing_runs_landlord_idx. */
export async function listRuns(db: DbOrTx, p: { landlordId: string; cursor?: string | undefined; limit: number }) {
  const pos = runKeys.decode(p.cursor);
  const where = eq(billingRuns.landlordId, p.landlordId);
  const [rows, count] = await Promise.all([
    db
      .select({ run: billingRuns, ...runKeys.select })
      .from(billingRuns)
      .where(and(where, runKeys.where(pos)))
      .orderBy(...runKeys.orderBy(pos))
      .limit(p.limit + 1),
    cappedCount(db, db.select({ one: sql`1` }).from(billingRuns).where(where)),
  ]);
  return { ...runKeys.page(rows, p.limit, pos), ...count };
}

// --- Single notices --------------------------------------------------------------------------------

export async function lockInvoice(db: DbOrTx, p: { landlordId: string; invoiceId: string }) {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.landlordId, p.landlordId), eq(invoices.id, p.invoiceId)))
    .for('update');
  return row ?? null;
}

export async function lockInvoiceByExternalId(db: DbOrTx, p: { landlordId: string; externalId: string }) {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.landlordId, p.landlordId), eq(invoices.externalId, p.externalId)))
    .for('update');
  return row ?? null;
}

export async function findNoticeForPeriod(db: DbOrTx, p: { landlordId: string; leaseId: string; periodStart: string }) {
  const [row] = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.landlordId, p.landlordId),
        eq(invoices.leaseId, p.leaseId),
        eq(invoices.periodStart, p.periodStart),
        eq(invoices.kind, 'notice'),
      ),
    );
  return row ?? null;
}

export async function updateInvoice(db: DbOrTx, p: { landlordId: string; invoiceId: string }, values: Partial<InvoiceValues>) {
  const [row] = await db
    .update(invoices)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(invoices.landlordId, p.landlordId), eq(invoices.id, p.invoiceId)))
    .returning();
  return row!;
}

/** A lease as a single charge or an integrator's notice needs it (customer, main unit's property, mandate). */
export async function findBillableLease(db: DbOrTx, p: { landlordId: string; leaseId?: string; externalId?: string }) {
  const [row] = await db
    .select({
      id: leases.id,
      number: leases.number,
      customerId: leases.customerId,
      status: leases.status,
      archived: sql<boolean>`${leases.archivedAt} is not null`,
      type: leases.type,
      propertyId: units.propertyId,
      mandateId: mandates.id,
    })
    .from(leases)
    .innerJoin(units, and(eq(units.landlordId, leases.landlordId), eq(units.id, leases.unitId)))
    .leftJoin(mandates, and(eq(mandates.landlordId, leases.landlordId), eq(mandates.leaseId, leases.id), eq(mandates.status, 'active')))
    .where(
      and(
        eq(leases.landlordId, p.landlordId),
        p.leaseId ? eq(leases.id, p.leaseId) : undefined,
        p.externalId ? eq(leases.externalId, p.externalId) : undefined,
      ),
    );
  return row ?? null;
}

// --- Staff lists -------------------------------------------------------------------------------------

const OPEN_STATUSES = ['unpaid', 'partly_paid'] as const;

export type InvoiceFilter = {
  landlordId: string;
  /** The landlords' calendar day: `overdue` and open are split on it. */
  today: string;
  periodStart?: string | undefined;
  status?: 'unpaid' | 'partly_paid' | 'overdue' | 'paid' | 'credited' | undefined;
  propertyId?: string | undefined;
  customerId?: string | undefined;
  leaseId?: string | undefined;
  kind?: 'notice' | 'charge' | 'credit_note' | undefined;
};

/**
 * The filters as SQL. Each is served by an index in the list's order (landlord, <filter>, seq):
 * invoices_landlord_{period,status,property,customer,kind}_seq_idx and invoices_lease_idx; without a
 * filter, invoices_landlord_seq_key. `overdue` is open and due before today (never stored).
 */
function invoiceWhere(f: InvoiceFilter) {
  const status = f.status;
  return and(
    eq(invoices.landlordId, f.landlordId),
    f.periodStart ? eq(invoices.periodStart, f.periodStart) : undefined,
    f.propertyId ? eq(invoices.propertyId, f.propertyId) : undefined,
    f.customerId ? eq(invoices.customerId, f.customerId) : undefined,
    f.leaseId ? eq(invoices.leaseId, f.leaseId) : undefined,
    f.kind ? eq(invoices.kind, f.kind) : undefined,
    status === 'overdue' ? and(inArray(invoices.status, [...OPEN_STATUSES]), sql`${invoices.dueDate} < ${f.today}`) : undefined,
    status === 'unpaid' || status === 'partly_paid' ? and(eq(invoices.status, status), sql`${invoices.dueDate} >= ${f.today}`) : undefined,
    status === 'paid' || status === 'credited' ? eq(invoices.status, status) : undefined,
  );
}

/** Newest number first; the number series is gapless and per landlord, so `seq` alone orders and ties nothing. */
const invoiceKeys = keyset([{ expr: invoices.seq, type: 'int' }], 'desc');

const summaryColumns = {
  invoice: invoices,
  lease: { id: leases.id, number: leases.number },
  customer: { id: customers.id, name: customers.name },
};

export async function listInvoices(db: DbOrTx, f: InvoiceFilter, page: { cursor?: string | undefined; limit: number }) {
  const pos = invoiceKeys.decode(page.cursor);
  const where = invoiceWhere(f);
  const [rows, count] = await Promise.all([
    db
      .select({ ...summaryColumns, ...invoiceKeys.select })
      .from(invoices)
      .innerJoin(leases, and(eq(leases.landlordId, invoices.landlordId), eq(leases.id, invoices.leaseId)))
      .innerJoin(customers, and(eq(customers.landlordId, invoices.landlordId), eq(customers.id, invoices.customerId)))
      .where(and(where, invoiceKeys.where(pos)))
      .orderBy(...invoiceKeys.orderBy(pos))
      .limit(page.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(invoices)
        .where(where)
        .orderBy(...invoiceKeys.orderBy()),
    ),
  ]);
  return { ...invoiceKeys.page(rows, page.limit, pos), ...count };
}

/** The export's rows in batches (newest number first), so no request holds more than one batch. */
export async function* exportInvoices(db: DbOrTx, f: InvoiceFilter, batch = 1000) {
  let after: number | null = null;
  for (;;) {
    const rows = await db
      .select(summaryColumns)
      .from(invoices)
      .innerJoin(leases, and(eq(leases.landlordId, invoices.landlordId), eq(leases.id, invoices.leaseId)))
      .innerJoin(customers, and(eq(customers.landlordId, invoices.landlordId), eq(customers.id, invoices.customerId)))
      .where(and(invoiceWhere(f), after === null ? undefined : sql`${invoices.seq} < ${after}`))
      .orderBy(sql`${invoices.seq} desc`)
      .limit(batch);
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    after = rows.at(-1)!.invoice.seq;
  }
}

/**
 * Open amounts per customer and currency in age buckets (days past due on `today`): read from the
 * open notices only (invoices_open_due_idx), grouped, then paged by customer name.
 */
export async function agedDebt(db: DbOrTx, p: { landlordId: string; today: string; cursor?: string | undefined; limit: number }) {
  const open = sql`(${invoices.totalMinor} - ${invoices.paidMinor} - ${invoices.creditedMinor})`;
  const age = sql`(${p.today}::date - ${invoices.dueDate})`;
  const bucket = (name: string, cond: ReturnType<typeof sql>) =>
    sql<string>`coalesce(sum(${open}) filter (where ${cond}), 0)::text`.as(name);
  const grouped = db
    .select({
      customerId: invoices.customerId,
      currency: invoices.currency,
      notDue: bucket('not_due', sql`${age} <= 0`),
      d30: bucket('d30', sql`${age} between 1 and 30`),
      d60: bucket('d60', sql`${age} between 31 and 60`),
      d90: bucket('d90', sql`${age} between 61 and 90`),
      over90: bucket('over90', sql`${age} > 90`),
      total: sql<string>`sum(${open})::text`.as('total'),
    })
    .from(invoices)
    .where(and(eq(invoices.landlordId, p.landlordId), inArray(invoices.status, [...OPEN_STATUSES])))
    .groupBy(invoices.customerId, invoices.currency)
    .as('aged');
  const keys = keyset(
    [
      { expr: customers.name, type: 'text' },
      { expr: grouped.customerId, type: 'uuid' },
      { expr: grouped.currency, type: 'text' },
    ],
    'asc',
  );
  const pos = keys.decode(p.cursor);
  const base = () =>
    db
      .select({
        row: {
          currency: grouped.currency,
          notDue: grouped.notDue,
          d30: grouped.d30,
          d60: grouped.d60,
          d90: grouped.d90,
          over90: grouped.over90,
          total: grouped.total,
        },
        customer: { id: customers.id, name: customers.name },
        ...keys.select,
      })
      .from(grouped)
      .innerJoin(customers, and(eq(customers.landlordId, p.landlordId), eq(customers.id, grouped.customerId)));
  const [rows, count] = await Promise.all([
    base()
      .where(keys.where(pos))
      .orderBy(...keys.orderBy(pos))
      .limit(p.limit + 1),
    cappedCount(db, db.select({ one: sql`1` }).from(grouped)),
  ]);
  return { ...keys.page(rows, p.limit, pos), ...count };
}
