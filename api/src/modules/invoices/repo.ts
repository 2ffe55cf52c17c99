import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { leases } from '../../db/schema/customers';
import { invoices } from '../../db/schema/invoices';
import { units } from '../../db/schema/properties';

const OPEN = ['unpaid', 'partly_paid', 'overdue'] as const;

export async function listInvoices(
  db: DbOrTx,
  scope: { landlordId: string; customerId: string },
  unpaidOnly: boolean,
  page: number,
  pageSize: number,
) {
  const where = and(
    eq(invoices.landlordId, scope.landlordId),
    eq(invoices.customerId, scope.customerId),
    unpaidOnly ? inArray(invoices.status, [...OPEN]) : undefined,
  );
  const [items, [count]] = await Promise.all([
    db
      .select({ invoice: invoices, lease: { id: leases.id, number: leases.number, unitType: units.type, address: units.address } })
      .from(invoices)
      .innerJoin(leases, eq(leases.id, invoices.leaseId))
      .innerJoin(units, eq(units.id, leases.unitId))
      .where(where)
      // Unpaid first by due date (what to pay next); all: newest first.
      .orderBy(unpaidOnly ? asc(invoices.dueDate) : desc(invoices.dueDate), asc(invoices.number))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(invoices).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}
