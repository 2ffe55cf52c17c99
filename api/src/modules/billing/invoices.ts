import type { InvoiceExportQuery, StaffInvoiceListQuery, StaffInvoiceSummary } from '@portico/shared/contracts/billing';
import { invoiceStatusOn } from '@portico/shared/contracts/billing-core';
import type { Locale } from '@portico/shared/locale';
import type { CursorQuery } from '@portico/shared/pagination';
import type { StaffActor } from '../../actors';
import type { Deps } from '../../deps';
import { notFound } from '../../errors';
import { loadInvoiceDetail } from '../invoices/present';
import { assertMayReadBilling } from './policy';
import * as repo from './repo';
import { periodStartOf } from './rules';
import { billingToday } from './today';

/** The staff side of notices (issue 11 §3): list with filters, one notice, aged debt, CSV export. */

type ListRow = Awaited<ReturnType<typeof repo.listInvoices>>['items'][number];

function summary(row: Pick<ListRow, 'invoice' | 'lease' | 'customer'>, today: string): StaffInvoiceSummary {
  const i = row.invoice;
  return {
    id: i.id,
    number: i.number,
    kind: i.kind,
    lease: row.lease,
    customer: row.customer,
    period: i.periodStart && i.periodEnd ? { start: i.periodStart, end: i.periodEnd } : null,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    currency: i.currency,
    totalMinor: i.totalMinor,
    paidMinor: i.paidMinor,
    creditedMinor: i.creditedMinor,
    openMinor: Math.max(0, i.totalMinor - i.paidMinor - i.creditedMinor),
    status: invoiceStatusOn(i.status, i.dueDate, today),
    reference: i.reference,
  };
}

function filterOf(actor: StaffActor, q: InvoiceExportQuery, today: string): repo.InvoiceFilter {
  return {
    landlordId: actor.landlordId,
    today,
    periodStart: q.period ? periodStartOf(q.period) : undefined,
    status: q.status,
    propertyId: q.propertyId,
    customerId: q.customerId,
    leaseId: q.leaseId,
    kind: q.kind,
  };
}

export async function listInvoices(deps: Deps, actor: StaffActor, query: StaffInvoiceListQuery) {
  assertMayReadBilling(actor);
  const today = billingToday();
  const page = await repo.listInvoices(deps.db, filterOf(actor, query, today), query);
  return { ...page, items: page.items.map((r) => summary(r, today)) };
}

export async function getInvoice(deps: Deps, actor: StaffActor, invoiceId: string) {
  assertMayReadBilling(actor);
  const found = await loadInvoiceDetail(deps.db, actor.landlordId, invoiceId);
  if (!found) throw notFound('invoice');
  return found;
}

export async function agedDebt(deps: Deps, actor: StaffActor, query: CursorQuery) {
  assertMayReadBilling(actor);
  const page = await repo.agedDebt(deps.db, { landlordId: actor.landlordId, today: billingToday(), ...query });
  return {
    ...page,
    items: page.items.map(({ row, customer }) => ({
      customer,
      currency: row.currency,
      notDueMinor: Number(row.notDue),
      days1to30Minor: Number(row.d30),
      days31to60Minor: Number(row.d60),
      days61to90Minor: Number(row.d90),
      over90Minor: Number(row.over90),
      totalMinor: Number(row.total),
    })),
  };
}

/**
 * The export's columns, in order (docs/billing.md). Swedish and Danish: `;` between fields, a comma
 * before the decimals and a UTF-8 BOM (what Excel opens correctly there); English: `,` and a point.
 */
export const EXPORT_COLUMNS = [
  'number',
  'kind',
  'status',
  'customer',
  'lease',
  'period_start',
  'period_end',
  'issue_date',
  'due_date',
  'currency',
  'subtotal',
  'vat',
  'total',
  'paid',
  'credited',
  'open',
  'reference',
] as const;

export function exportInvoicesCsv(deps: Deps, actor: StaffActor, query: InvoiceExportQuery, locale: Locale) {
  assertMayReadBilling(actor);
  return csvChunks(deps, actor, query, locale);
}

async function* csvChunks(deps: Deps, actor: StaffActor, query: InvoiceExportQuery, locale: Locale) {
  const nordic = locale !== 'en';
  const sep = nordic ? ';' : ',';
  const amount = (minor: number) => {
    const fixed = (minor / 100).toFixed(2);
    return nordic ? fixed.replace('.', ',') : fixed;
  };
  const text = (value: string) => {
    // Quotes around anything with a separator, quote or line break; a leading = + - @ is neutralised
    // so a spreadsheet never runs a customer's name as a formula.
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[";,\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const line = (cells: string[]) => `${cells.join(sep)}\r\n`;
  yield `${nordic ? '\uFEFF' : ''}${line([...EXPORT_COLUMNS])}`;
  const today = billingToday();
  for await (const rows of repo.exportInvoices(deps.db, filterOf(actor, query, today))) {
    let chunk = '';
    for (const row of rows) {
      const s = summary(row, today);
      chunk += line([
        s.number,
        s.kind,
        s.status,
        text(s.customer.name),
        text(s.lease.number),
        s.period?.start ?? '',
        s.period?.end ?? '',
        s.issueDate,
        s.dueDate,
        s.currency,
        amount(row.invoice.subtotalMinor),
        amount(row.invoice.vatMinor),
        amount(s.totalMinor),
        amount(s.paidMinor),
        amount(s.creditedMinor),
        amount(s.openMinor),
        s.reference ?? '',
      ]);
    }
    yield chunk;
  }
}
