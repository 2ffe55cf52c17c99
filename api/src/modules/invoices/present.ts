import { type InvoiceDetail, invoiceStatusOn, type PaymentInstructions } from '@portico/shared/contracts/billing-core';
import { fik71Line } from '@portico/shared/formats/fik';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customers } from '../../db/schema/customers';
import { invoiceLines, invoices, mandates, paymentAllocations, payments } from '../../db/schema/invoices';
import type { StoredPaymentAccounts } from '../../db/schema/landlords';
import { landlords } from '../../db/schema/landlords';
import { leases } from '../../db/schema/leases';
import { units } from '../../db/schema/properties';
import { billingToday } from '../billing/today';

type InvoiceRow = typeof invoices.$inferSelect;

/**
 * What the tenant pays with, from the notice's stored method and reference and the landlord's
 * accounts today (a changed bankgiro shows on open notices at once). Null when nothing is to pay.
 */
export function paymentInstructions(invoice: InvoiceRow, accounts: StoredPaymentAccounts): PaymentInstructions | null {
  const { reference, paymentMethod } = invoice;
  if (!reference || !paymentMethod) return null;
  switch (paymentMethod) {
    case 'bankgiro':
      return accounts.bankgiro ? { method: 'bankgiro', account: accounts.bankgiro, reference } : null;
    case 'plusgiro':
      return accounts.plusgiro ? { method: 'plusgiro', account: accounts.plusgiro, reference } : null;
    case 'fik':
      return accounts.fiCreditor
        ? { method: 'fik', creditor: accounts.fiCreditor, reference, line: fik71Line(reference, accounts.fiCreditor) }
        : null;
    case 'iban':
      return accounts.iban ? { method: 'iban', iban: accounts.iban, bic: accounts.bic ?? null, reference } : null;
  }
}

/**
 * One notice in full, landlord-scoped; null when it is not the landlord's. Callers check who may see
 * it (staff policy, or the tenant's customer) before answering.
 */
export async function loadInvoiceDetail(db: DbOrTx, landlordId: string, invoiceId: string, today = billingToday()) {
  // One after another: `db` may be a transaction, whose one connection takes one query at a time.
  const [row] = await loadInvoiceRows(db, landlordId, [invoiceId]);
  if (!row) return null;
  const [landlord] = await db.select({ accounts: landlords.paymentAccounts }).from(landlords).where(eq(landlords.id, landlordId));
  return presentInvoice(row.invoice, {
    lease: row.lease,
    customer: { id: row.customer.id, name: row.customer.name },
    accounts: landlord?.accounts ?? {},
    mandate: row.mandateKind && row.mandateStatus === 'active' ? { kind: row.mandateKind } : null,
    lines: row.lines,
    payments: row.payments,
    creditsInvoice: row.creditsInvoice,
    today,
  });
}

/**
 * Notices of one landlord with everything shown of them (lease, customer with address, lines,
 * payments, credited invoice): one query for the notices and one each for their parts. The PDF
 * worker reads batches; the detail pages read one.
 */
export async function loadInvoiceRows(db: DbOrTx, landlordId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      invoice: invoices,
      lease: { id: leases.id, number: leases.number, unitType: units.type, address: units.address },
      customer: {
        id: customers.id,
        name: customers.name,
        street: customers.street,
        postalCode: customers.postalCode,
        city: customers.city,
        locale: customers.locale,
      },
      mandateKind: mandates.kind,
      mandateStatus: mandates.status,
    })
    .from(invoices)
    .innerJoin(leases, and(eq(leases.landlordId, invoices.landlordId), eq(leases.id, invoices.leaseId)))
    .innerJoin(units, eq(units.id, leases.unitId))
    .innerJoin(customers, and(eq(customers.landlordId, invoices.landlordId), eq(customers.id, invoices.customerId)))
    .leftJoin(mandates, and(eq(mandates.landlordId, invoices.landlordId), eq(mandates.id, invoices.mandateId)))
    .where(and(eq(invoices.landlordId, landlordId), inArray(invoices.id, ids)));
  const creditedIds = [...new Set(rows.flatMap((r) => (r.invoice.creditsInvoiceId ? [r.invoice.creditsInvoiceId] : [])))];
  // One after another, not Promise.all: `db` may be a transaction (one connection).
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.landlordId, landlordId), inArray(invoiceLines.invoiceId, ids)))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
  const allocations = await db
    .select({
      invoiceId: paymentAllocations.invoiceId,
      paymentId: payments.id,
      paidOn: payments.paidOn,
      amountMinor: paymentAllocations.amountMinor,
      source: payments.source,
    })
    .from(paymentAllocations)
    .innerJoin(payments, and(eq(payments.landlordId, paymentAllocations.landlordId), eq(payments.id, paymentAllocations.paymentId)))
    .where(and(eq(paymentAllocations.landlordId, landlordId), inArray(paymentAllocations.invoiceId, ids)))
    .orderBy(asc(payments.paidOn), asc(payments.id));
  const credited = creditedIds.length
    ? await db
        .select({ id: invoices.id, number: invoices.number })
        .from(invoices)
        .where(and(eq(invoices.landlordId, landlordId), inArray(invoices.id, creditedIds)))
    : [];
  return rows.map((row) => ({
    ...row,
    lines: lines.filter((l) => l.invoiceId === row.invoice.id),
    payments: allocations.filter((a) => a.invoiceId === row.invoice.id).map(({ invoiceId: _, ...a }) => a),
    creditsInvoice: credited.find((c) => c.id === row.invoice.creditsInvoiceId) ?? null,
  }));
}

export function presentInvoice(
  invoice: InvoiceRow,
  ctx: {
    lease: InvoiceDetail['lease'];
    customer: InvoiceDetail['customer'];
    accounts: StoredPaymentAccounts;
    mandate: { kind: 'autogiro' | 'betalingsservice' } | null;
    lines: (typeof invoiceLines.$inferSelect)[];
    payments: InvoiceDetail['payments'];
    creditsInvoice: InvoiceDetail['creditsInvoice'];
    today: string;
  },
): InvoiceDetail {
  const openMinor = Math.max(0, invoice.totalMinor - invoice.paidMinor - invoice.creditedMinor);
  const settled = openMinor === 0;
  return {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    lease: ctx.lease,
    customer: ctx.customer,
    period: invoice.periodStart && invoice.periodEnd ? { start: invoice.periodStart, end: invoice.periodEnd } : null,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    lines: ctx.lines.map((l) => ({
      kind: l.kind,
      description: l.description,
      amountMinor: l.amountMinor,
      vatRate: l.vatRate,
      vatMinor: l.vatMinor,
    })),
    subtotalMinor: invoice.subtotalMinor,
    vatMinor: invoice.vatMinor,
    totalMinor: invoice.totalMinor,
    paidMinor: invoice.paidMinor,
    creditedMinor: invoice.creditedMinor,
    openMinor,
    status: invoiceStatusOn(invoice.status, invoice.dueDate, ctx.today),
    paidAt: invoice.paidAt,
    payment: settled || ctx.mandate || invoice.kind === 'credit_note' ? null : paymentInstructions(invoice, ctx.accounts),
    directDebit: ctx.mandate ? { kind: ctx.mandate.kind, collectionDate: invoice.dueDate } : null,
    creditsInvoice: ctx.creditsInvoice,
    payments: ctx.payments,
    pdfReady: invoice.pdfKey !== null,
    externalId: invoice.externalId,
  };
}
