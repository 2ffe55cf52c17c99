import { randomUUID } from 'node:crypto';
import type { ChargeCreate, CreditNoteCreate, InvoicePut } from '@portico/shared/contracts/billing';
import type { InvoiceDetail } from '@portico/shared/contracts/billing-core';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, badRequest, conflict, notFound } from '../../errors';
import { emitEvent } from '../events/service';
import { loadInvoiceDetail } from '../invoices/present';
import { assertMayManageBilling } from './policy';
import * as repo from './repo';
import { chargeDueDate, periodEndOf, periodStartOf, priceLines } from './rules';
import { paymentSetupFor } from './runs';
import { getBillingSettings } from './settings';
import { billingToday } from './today';

async function detail(db: DbOrTx, landlordId: string, invoiceId: string): Promise<InvoiceDetail> {
  const found = await loadInvoiceDetail(db, landlordId, invoiceId);
  if (!found) throw notFound('invoice');
  return found;
}

async function billableLease(tx: DbOrTx, landlordId: string, by: { leaseId?: string; externalId?: string }) {
  const lease = await repo.findBillableLease(tx, { landlordId, ...by });
  if (!lease) throw notFound('lease');
  if (lease.archived || lease.status === 'ended') throw new AppError(422, 'invoice_lease_not_billable');
  return lease;
}

function checkVat(lease: { type: string }, lines: { vatRate: number }[]) {
  if (lease.type === 'residential' && lines.some((l) => l.vatRate > 0)) throw badRequest('vat_not_allowed_on_residential');
}

const createdEvent = (row: repo.InvoiceValues) => ({
  invoiceId: row.id!,
  number: row.number,
  kind: row.kind!,
  customerId: row.customerId,
  leaseId: row.leaseId,
  totalMinor: row.totalMinor,
  currency: row.currency,
  dueDate: row.dueDate,
  externalId: row.externalId ?? null,
});

/** Takes the next number of the locked series and moves it on. */
async function takeNumber(tx: DbOrTx, landlordId: string, settings: repo.SettingsRow) {
  const seq = settings.nextNumber;
  await repo.setNextNumber(tx, { landlordId, nextNumber: seq + 1 });
  return seq;
}

export async function createCharge(deps: Deps, actor: StaffActor, input: ChargeCreate) {
  assertMayManageBilling(actor);
  const { landlordId } = actor;
  const today = billingToday();
  if (input.dueDate && input.dueDate < today) throw badRequest('date_out_of_range');
  const id = await deps.db.transaction(async (tx) => {
    const settings = await getBillingSettings(tx, landlordId, { lock: true });
    const lease = await billableLease(tx, landlordId, { leaseId: input.leaseId });
    checkVat(lease, input.lines);
    const setup = await paymentSetupFor(tx, landlordId, settings);
    const priced = priceLines(input.lines);
    const seq = await takeNumber(tx, landlordId, settings);
    const row: repo.InvoiceValues = {
      id: randomUUID(),
      landlordId,
      customerId: lease.customerId,
      leaseId: lease.id,
      propertyId: lease.propertyId,
      kind: 'charge',
      number: String(seq),
      seq,
      period: today.slice(0, 7),
      issueDate: today,
      subtotalMinor: priced.subtotalMinor,
      vatMinor: priced.vatMinor,
      totalMinor: priced.totalMinor,
      currency: settings.currency,
      dueDate: input.dueDate ?? chargeDueDate(today),
      status: 'unpaid',
      reference: setup.reference(seq),
      paymentMethod: setup.method,
      mandateId: lease.mandateId,
    };
    await repo.insertInvoice(tx, row);
    await repo.insertLines(
      tx,
      priced.lines.map((l, position) => ({ landlordId, invoiceId: row.id!, position, ...l })),
    );
    await emitEvent(tx, landlordId, 'invoice.created', createdEvent(row));
    return row.id!;
  });
  return detail(deps.db, landlordId, id);
}

/**
 * A credit note against a notice or charge: at most what is still open; it raises the original's
 * `credited_minor` and marks it `credited` when nothing is left and nothing was paid (`paid` when
 * payments and credit settle it together). The note has negative amounts, no reference, the stored
 * status `credited`, and a number from the same series.
 */
export async function createCreditNote(deps: Deps, actor: StaffActor, invoiceId: string, input: CreditNoteCreate) {
  assertMayManageBilling(actor);
  const { landlordId } = actor;
  const today = billingToday();
  const id = await deps.db.transaction(async (tx) => {
    const settings = await getBillingSettings(tx, landlordId, { lock: true });
    const original = await repo.lockInvoice(tx, { landlordId, invoiceId });
    if (!original) throw notFound('invoice');
    if (original.kind === 'credit_note') throw new AppError(422, 'invoice_not_creditable');
    const open = original.totalMinor - original.paidMinor - original.creditedMinor;
    let priced: ReturnType<typeof priceLines>;
    if (input.lines) {
      priced = priceLines(input.lines);
    } else {
      // One gross amount: net and VAT in the original's proportion, at the original's highest rate.
      const amount = input.amountMinor!;
      const vat = original.totalMinor ? Math.round((amount * original.vatMinor) / original.totalMinor) : 0;
      const rate = original.vatMinor ? Math.round((original.vatMinor * 100) / original.subtotalMinor) : 0;
      priced = {
        lines: [{ kind: 'other', description: input.reason, amountMinor: amount - vat, vatRate: rate, vatMinor: vat }],
        subtotalMinor: amount - vat,
        vatMinor: vat,
        totalMinor: amount,
      };
    }
    if (priced.totalMinor > open) throw new AppError(422, 'invoice_credit_too_large', { open });
    const seq = await takeNumber(tx, landlordId, settings);
    const row: repo.InvoiceValues = {
      id: randomUUID(),
      landlordId,
      customerId: original.customerId,
      leaseId: original.leaseId,
      propertyId: original.propertyId,
      kind: 'credit_note',
      number: String(seq),
      seq,
      period: original.period,
      issueDate: today,
      subtotalMinor: -priced.subtotalMinor,
      vatMinor: -priced.vatMinor,
      totalMinor: -priced.totalMinor,
      currency: original.currency,
      dueDate: today,
      status: 'credited',
      creditsInvoiceId: original.id,
      reason: input.reason,
    };
    await repo.insertInvoice(tx, row);
    await repo.insertLines(
      tx,
      priced.lines.map((l, position) => ({
        landlordId,
        invoiceId: row.id!,
        position,
        ...l,
        amountMinor: -l.amountMinor,
        vatMinor: -l.vatMinor,
      })),
    );
    const credited = original.creditedMinor + priced.totalMinor;
    const settled = original.totalMinor - original.paidMinor - credited <= 0;
    await repo.updateInvoice(
      tx,
      { landlordId, invoiceId: original.id },
      {
        creditedMinor: credited,
        ...(settled
          ? { status: original.paidMinor === 0 ? 'credited' : 'paid', paidAt: original.paidAt ?? (original.paidMinor ? today : null) }
          : {}),
      },
    );
    await emitEvent(tx, landlordId, 'invoice.created', createdEvent(row));
    return row.id!;
  });
  return detail(deps.db, landlordId, id);
}

/**
 * `PUT /invoices/by-external-id/{externalId}`: a rent notice an integrator's ERP made. New: it gets
 * our number and reference like a run's notice. Existing: lines, period and due date are replaced
 * while nothing is paid or credited (409 `invoice_locked` after); number and reference stay.
 */
export async function putInvoiceByExternalId(
  deps: Deps,
  actor: StaffActor,
  externalId: string,
  input: InvoicePut,
): Promise<{ created: boolean; record: InvoiceDetail }> {
  assertMayManageBilling(actor);
  const { landlordId } = actor;
  const today = billingToday();
  const result = await deps.db.transaction(async (tx) => {
    const settings = await getBillingSettings(tx, landlordId, { lock: true });
    const lease = await billableLease(tx, landlordId, { externalId: input.leaseExternalId });
    checkVat(lease, input.lines);
    const priced = priceLines(input.lines);
    const periodStart = periodStartOf(input.period);
    const fields = {
      customerId: lease.customerId,
      leaseId: lease.id,
      propertyId: lease.propertyId,
      period: input.period,
      periodStart,
      periodEnd: periodEndOf(periodStart, 'monthly'),
      subtotalMinor: priced.subtotalMinor,
      vatMinor: priced.vatMinor,
      totalMinor: priced.totalMinor,
      dueDate: input.dueDate,
      mandateId: lease.mandateId,
    };
    const existing = await repo.lockInvoiceByExternalId(tx, { landlordId, externalId });
    const taken = await repo.findNoticeForPeriod(tx, { landlordId, leaseId: lease.id, periodStart });
    if (taken && taken.id !== existing?.id) throw conflict('invoice_period_taken');
    if (existing) {
      if (existing.kind !== 'notice') throw conflict('external_id_taken');
      if (existing.paidMinor !== 0 || existing.creditedMinor !== 0) throw conflict('invoice_locked');
      await repo.updateInvoice(tx, { landlordId, invoiceId: existing.id }, fields);
      await repo.deleteLines(tx, { landlordId, invoiceId: existing.id });
      await repo.insertLines(
        tx,
        priced.lines.map((l, position) => ({ landlordId, invoiceId: existing.id, position, ...l })),
      );
      return { created: false, id: existing.id };
    }
    const setup = await paymentSetupFor(tx, landlordId, settings);
    const seq = await takeNumber(tx, landlordId, settings);
    const row: repo.InvoiceValues = {
      id: randomUUID(),
      landlordId,
      ...fields,
      kind: 'notice',
      number: String(seq),
      seq,
      issueDate: today,
      currency: settings.currency,
      status: 'unpaid',
      reference: setup.reference(seq),
      paymentMethod: setup.method,
      externalId,
    };
    await repo.insertInvoice(tx, row);
    await repo.insertLines(
      tx,
      priced.lines.map((l, position) => ({ landlordId, invoiceId: row.id!, position, ...l })),
    );
    await emitEvent(tx, landlordId, 'invoice.created', createdEvent(row));
    return { created: true, id: row.id! };
  });
  return { created: result.created, record: await detail(deps.db, landlordId, result.id) };
}
