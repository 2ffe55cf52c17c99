import { and, eq, inArray, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { invoices } from '../../db/schema/invoices';
import { leases } from '../../db/schema/leases';
import { units } from '../../db/schema/properties';

const OPEN = ['unpaid', 'partly_paid'] as const;

/**
 * Unpaid: oldest due first (what to pay next); all: newest first. Keyset on (due_date, number, id)
 * in that direction, served by invoices_customer_due_idx (the open-only filter reads the same index).
 */
const invoiceKeys = {
  unpaid: keyset(
    [
      { expr: invoices.dueDate, type: 'date' },
      { expr: invoices.number, type: 'text' },
      { expr: invoices.id, type: 'uuid' },
    ],
    'asc',
  ),
  all: keyset(
    [
      { expr: invoices.dueDate, type: 'date' },
      { expr: invoices.number, type: 'text' },
      { expr: invoices.id, type: 'uuid' },
    ],
    'desc',
  ),
};

export async function listInvoices(
  db: DbOrTx,
  scope: { landlordId: string; customerId: string },
  unpaidOnly: boolean,
  page: { cursor?: string | undefined; limit: number },
) {
  const keys = unpaidOnly ? invoiceKeys.unpaid : invoiceKeys.all;
  const pos = keys.decode(page.cursor);
  const where = and(
    eq(invoices.landlordId, scope.landlordId),
    eq(invoices.customerId, scope.customerId),
    unpaidOnly ? inArray(invoices.status, [...OPEN]) : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select({
        invoice: invoices,
        lease: { id: leases.id, number: leases.number, unitType: units.type, address: units.address },
        ...keys.select,
      })
      .from(invoices)
      .innerJoin(leases, eq(leases.id, invoices.leaseId))
      .innerJoin(units, eq(units.id, leases.unitId))
      .where(and(where, keys.where(pos)))
      .orderBy(...keys.orderBy(pos))
      .limit(page.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(invoices)
        .where(where)
        .orderBy(...keys.orderBy()),
    ),
  ]);
  return { ...keys.page(rows, page.limit, pos), ...count };
}
