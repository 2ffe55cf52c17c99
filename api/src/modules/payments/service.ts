import type {
  PayableInvoice,
  PaymentAssign,
  PaymentCreate,
  PaymentDetail,
  PaymentListQuery,
  PaymentState,
  PaymentSummary,
  PortalPayment,
} from '@portico/shared/contracts/payments';
import type { CursorPage, CursorQuery } from '@portico/shared/pagination';
import type { StaffActor, TenantActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { payments } from '../../db/schema/invoices';
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../errors';
import { assertMayManageBilling, assertMayReadBilling } from '../billing/policy';
import { emitEvent } from '../events/service';
import { assertMaySeeInvoices } from '../invoices/service';
import { allocate, bookPayment } from './allocate';
import * as repo from './repo';

type PaymentRow = typeof payments.$inferSelect;
type Row = { payment: PaymentRow; customer: { id: string; name: string } | null };

const stateOf = (p: PaymentRow): PaymentState => (p.customerId === null ? 'unmatched' : p.unallocatedMinor !== 0 ? 'credit' : 'allocated');

function present({ payment, customer }: Row): PaymentSummary {
  return {
    id: payment.id,
    source: payment.source,
    state: stateOf(payment),
    amountMinor: payment.amountMinor,
    unallocatedMinor: payment.unallocatedMinor,
    currency: payment.currency,
    paidOn: payment.paidOn,
    reference: payment.reference,
    payerName: payment.payerName,
    payerAccount: payment.payerAccount,
    bankSerial: payment.bankSerial,
    customer: customer?.id ? customer : null,
    importId: payment.importId,
    note: payment.note,
    createdAt: payment.createdAt.toISOString(),
  };
}

// --- Lists and detail ----------------------------------------------------------------------------

export async function listPayments(deps: Deps, actor: StaffActor, query: PaymentListQuery): Promise<CursorPage<PaymentSummary>> {
  assertMayReadBilling(actor);
  const { items, ...page } = await repo.listPayments(deps.db, { landlordId: actor.landlordId, query });
  return { ...page, items: items.map(present) };
}

export async function listUnmatched(deps: Deps, actor: StaffActor, query: CursorQuery): Promise<CursorPage<PaymentSummary>> {
  assertMayReadBilling(actor);
  const { items, ...page } = await repo.listPayments(deps.db, { landlordId: actor.landlordId, query, unmatchedQueue: true });
  return { ...page, items: items.map(present) };
}

async function detail(db: DbOrTx, landlordId: string, id: string): Promise<PaymentDetail> {
  const row = await repo.getPayment(db, { landlordId, id });
  if (!row) throw notFound('payment');
  const allocations = await repo.allocationsOf(db, { landlordId, paymentIds: [id] });
  return {
    ...present(row),
    allocations: allocations.map((a) => ({
      invoiceId: a.invoiceId,
      invoiceNumber: a.invoiceNumber,
      amountMinor: a.amountMinor,
      createdAt: a.createdAt.toISOString(),
    })),
  };
}

export async function getPayment(deps: Deps, actor: StaffActor, id: string): Promise<PaymentDetail> {
  assertMayReadBilling(actor);
  return detail(deps.db, actor.landlordId, id);
}

export async function findPayableInvoices(deps: Deps, actor: StaffActor, q: string): Promise<{ items: PayableInvoice[] }> {
  assertMayReadBilling(actor);
  return { items: await repo.findPayableInvoices(deps.db, { landlordId: actor.landlordId, q }) };
}

// --- Manual registration, assignment and credit --------------------------------------------------

/** A notice money may be put on: this landlord's, not a credit note; 404 / 422 otherwise. */
async function payableInvoice(tx: DbOrTx, landlordId: string, invoiceId: string) {
  const invoice = await repo.getInvoice(tx, { landlordId, id: invoiceId });
  if (!invoice) throw notFound('invoice');
  if (invoice.kind === 'credit_note') throw new AppError(422, 'payment_invoice_not_payable');
  return invoice;
}

export async function registerPayment(deps: Deps, actor: StaffActor, input: PaymentCreate): Promise<PaymentDetail> {
  assertMayManageBilling(actor);
  const landlordId = actor.landlordId;
  const id = await deps.db.transaction(async (tx) => {
    let currency = (await repo.paymentContext(tx, landlordId)).currency;
    let customerId: string | null = null;
    if (input.invoiceId) {
      const invoice = await payableInvoice(tx, landlordId, input.invoiceId);
      currency = invoice.currency;
      customerId = invoice.customerId;
    } else if (input.customerId) {
      if (!(await repo.customerExists(tx, { landlordId, id: input.customerId }))) throw notFound('customer');
      customerId = input.customerId;
    }
    const { payment } = await bookPayment(
      tx,
      {
        landlordId,
        customerId,
        source: 'manual',
        amountMinor: input.amountMinor,
        currency,
        paidOn: input.paidOn,
        reference: input.reference || null,
        note: input.note || null,
        createdBy: actor.id,
      },
      input.invoiceId,
    );
    return payment.id;
  });
  return detail(deps.db, landlordId, id);
}

/**
 * Takes a payment out of the unmatched queue: to a notice (allocated up to what is open on it; the
 * rest stays as that customer's credit) or to a customer (all of it credit). Emits
 * `payment.received` with what it allocated.
 */
export async function assignPayment(deps: Deps, actor: StaffActor, id: string, input: PaymentAssign): Promise<PaymentDetail> {
  assertMayManageBilling(actor);
  const landlordId = actor.landlordId;
  await deps.db.transaction(async (tx) => {
    const row = await repo.getPayment(tx, { landlordId, id, lock: true });
    if (!row) throw notFound('payment');
    if (row.payment.customerId !== null) throw new AppError(409, 'payment_already_assigned');
    const allocations: { invoiceId: string; amountMinor: number }[] = [];
    let customerId: string;
    if ('invoiceId' in input) {
      const invoice = await payableInvoice(tx, landlordId, input.invoiceId);
      if (invoice.currency !== row.payment.currency) throw new AppError(422, 'payment_currency_mismatch');
      customerId = invoice.customerId;
      await repo.setPaymentCustomer(tx, { landlordId, id, customerId, note: input.note });
      if (row.payment.unallocatedMinor > 0) {
        const amount = await allocate(tx, landlordId, id, invoice.id);
        if (amount > 0) allocations.push({ invoiceId: invoice.id, amountMinor: amount });
      }
    } else {
      if (!(await repo.customerExists(tx, { landlordId, id: input.customerId }))) throw notFound('customer');
      customerId = input.customerId;
      await repo.setPaymentCustomer(tx, { landlordId, id, customerId, note: input.note });
    }
    await emitEvent(tx, landlordId, 'payment.received', {
      paymentId: id,
      customerId,
      amountMinor: row.payment.amountMinor,
      currency: row.payment.currency,
      paidOn: row.payment.paidOn,
      source: row.payment.source,
      allocations,
    });
  });
  return detail(deps.db, landlordId, id);
}

/**
 * Uses a customer's credit (what a payment has left) on one of that customer's open notices, never
 * more than is open on it. Emits `payment.received` with the allocation, so readers of the event
 * learn the notice got paid.
 */
export async function allocateCredit(deps: Deps, actor: StaffActor, id: string, invoiceId: string): Promise<PaymentDetail> {
  assertMayManageBilling(actor);
  const landlordId = actor.landlordId;
  await deps.db.transaction(async (tx) => {
    const row = await repo.getPayment(tx, { landlordId, id, lock: true });
    if (!row) throw notFound('payment');
    if (row.payment.customerId === null) throw new AppError(409, 'payment_unmatched');
    if (row.payment.unallocatedMinor <= 0) throw new AppError(409, 'payment_no_credit');
    const invoice = await payableInvoice(tx, landlordId, invoiceId);
    if (invoice.customerId !== row.payment.customerId) throw new AppError(422, 'payment_other_customer');
    if (invoice.currency !== row.payment.currency) throw new AppError(422, 'payment_currency_mismatch');
    const amount = await allocate(tx, landlordId, id, invoiceId);
    if (amount === 0) throw new AppError(409, 'payment_invoice_settled');
    await emitEvent(tx, landlordId, 'payment.received', {
      paymentId: id,
      customerId: row.payment.customerId,
      amountMinor: row.payment.amountMinor,
      currency: row.payment.currency,
      paidOn: row.payment.paidOn,
      source: row.payment.source,
      allocations: [{ invoiceId, amountMinor: amount }],
    });
  });
  return detail(deps.db, landlordId, id);
}

// --- CSV export ----------------------------------------------------------------------------------

/** The export's columns, in order (docs/billing.md "Payments"). */
export const EXPORT_COLUMNS = [
  'paid_on',
  'amount',
  'unallocated',
  'currency',
  'source',
  'state',
  'customer',
  'customer_id',
  'reference',
  'payer_name',
  'payer_account',
  'bank_serial',
  'invoices',
  'payment_id',
] as const;

const csvCell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
/** Minor units as a decimal with a comma (Swedish/Danish spreadsheets read `1234,50` as a number). */
const decimal = (minor: number) =>
  `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)},${String(Math.abs(minor) % 100).padStart(2, '0')}`;

/**
 * The matching payments as CSV (`;`, UTF-8 with a BOM, CRLF), newest first, read in keyset batches
 * so memory stays flat however many there are. The first batch is read before the answer starts, so
 * a failing query is an error answer rather than a cut-off file.
 */
export async function exportPayments(
  deps: Deps,
  actor: StaffActor,
  query: Omit<PaymentListQuery, 'cursor' | 'limit'>,
): Promise<AsyncGenerator<string>> {
  assertMayReadBilling(actor);
  const landlordId = actor.landlordId;
  const batch = async (cursor?: string) => {
    const page = await repo.exportBatch(deps.db, { landlordId, query, cursor, limit: 500 });
    const allocations = await repo.allocationsOf(deps.db, { landlordId, paymentIds: page.items.map((r) => r.payment.id) });
    const lines = page.items.map((row) => {
      const p = row.payment;
      const numbers = allocations
        .filter((a) => a.paymentId === p.id)
        .map((a) => `${a.invoiceNumber}:${decimal(a.amountMinor)}`)
        .join(' ');
      return [
        p.paidOn,
        decimal(p.amountMinor),
        decimal(p.unallocatedMinor),
        p.currency,
        p.source,
        stateOf(p),
        row.customer?.name ?? '',
        p.customerId ?? '',
        p.reference ?? '',
        p.payerName ?? '',
        p.payerAccount ?? '',
        p.bankSerial ?? '',
        numbers,
        p.id,
      ]
        .map(csvCell)
        .join(';');
    });
    return { text: lines.length ? `${lines.join('\r\n')}\r\n` : '', next: page.nextCursor ?? undefined };
  };
  const first = await batch();
  return (async function* () {
    yield `\uFEFF${EXPORT_COLUMNS.join(';')}\r\n${first.text}`;
    let next = first.next;
    while (next) {
      const page = await batch(next);
      if (page.text) yield page.text;
      next = page.next;
    }
  })();
}

// --- Portal --------------------------------------------------------------------------------------

export async function listPortalPayments(
  deps: Deps,
  actor: TenantActor,
  strongAuth: boolean,
  query: CursorQuery,
): Promise<CursorPage<PortalPayment>> {
  assertMaySeeInvoices(actor, strongAuth);
  const { items, ...page } = await repo.listCustomerPayments(deps.db, {
    landlordId: actor.landlordId,
    customerId: actor.customerId,
    ...query,
  });
  const allocations = await repo.allocationsOf(deps.db, { landlordId: actor.landlordId, paymentIds: items.map((r) => r.payment.id) });
  return {
    ...page,
    items: items.map(({ payment: p }) => ({
      id: p.id,
      paidOn: p.paidOn,
      amountMinor: p.amountMinor,
      currency: p.currency,
      reference: p.reference,
      source: p.source,
      unallocatedMinor: p.unallocatedMinor,
      invoices: allocations
        .filter((a) => a.paymentId === p.id)
        .map((a) => ({ id: a.invoiceId, number: a.invoiceNumber, amountMinor: a.amountMinor })),
    })),
  };
}

/** For the upload route: the role is checked before the file is read. */
export const assertMayImport = assertMayManageBilling;
