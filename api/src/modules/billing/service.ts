import { randomUUID } from 'node:crypto';
import type {
  BillingRun,
  BillingRunPreview,
  BillingSettings,
  BillingSettingsPatch,
  ChargeCreate,
  CreditNoteCreate,
  InvoicePut,
} from '@portico/shared/contracts/billing';
import { PREVIEW_ROWS } from '@portico/shared/contracts/billing';
import type { Currency, InvoiceDetail } from '@portico/shared/contracts/billing-core';
import type { CursorQuery } from '@portico/shared/pagination';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, badRequest, conflict, notFound } from '../../errors';
import { emitEvent, emitEvents } from '../events/service';
import { loadInvoiceDetail } from '../invoices/present';
import { assertMayManageBilling, assertMayReadBilling } from './policy';
import * as repo from './repo';
import {
  activeIn,
  chargeDueDate,
  dueDateFor,
  isQuarterMonth,
  monthsOf,
  nextPeriodAfter,
  type PaymentSetup,
  paymentSetup,
  periodEndOf,
  periodStartOf,
  priceLines,
} from './rules';
import { billingToday } from './today';

// --- Settings ----------------------------------------------------------------------------------------

/**
 * The landlord's billing settings; the row is created on first use with the country's defaults
 * (Sweden: SEK, due the last weekday before the period; Denmark: DKK, due its first weekday; OCR with
 * a length digit). `lock` takes the row FOR UPDATE: the number series is in it, so whoever takes
 * numbers locks it in the transaction that writes them (decision 11R1).
 */
export async function getBillingSettings(tx: DbOrTx, landlordId: string, opts: { lock?: boolean } = {}) {
  const existing = await repo.readSettings(tx, { landlordId, lock: opts.lock ?? false });
  if (existing) return existing;
  const landlord = await repo.findLandlord(tx, { landlordId });
  if (!landlord) throw notFound('landlord');
  const dk = landlord.country === 'DK';
  await repo.ensureSettings(tx, {
    landlordId,
    currency: dk ? 'DKK' : 'SEK',
    dueRule: dk ? 'first_weekday_of' : 'last_weekday_before',
    ocrControl: 'length',
  });
  return (await repo.readSettings(tx, { landlordId, lock: opts.lock ?? false }))!;
}

const presentSettings = (s: repo.SettingsRow): BillingSettings => ({
  currency: s.currency,
  ocrControl: s.ocrControl,
  ocrFixedLengths: s.ocrFixedLengths,
  dueRule: s.dueRule,
  reminderDays: s.reminderDays,
  scheduleDay: s.scheduleDay,
  attachPdf: s.attachPdf,
  nextNumber: s.nextNumber,
});

export async function readSettings(deps: Deps, actor: StaffActor) {
  assertMayReadBilling(actor);
  return presentSettings(await getBillingSettings(deps.db, actor.landlordId));
}

export async function updateSettings(deps: Deps, actor: StaffActor, patch: BillingSettingsPatch) {
  assertMayManageBilling(actor);
  return deps.db.transaction(async (tx) => {
    const current = await getBillingSettings(tx, actor.landlordId, { lock: true });
    const control = patch.ocrControl ?? current.ocrControl;
    const lengths = patch.ocrFixedLengths ?? current.ocrFixedLengths;
    // A fixed OCR length names one or two lengths (STANDARDS §1.2); the other rules need none.
    if (control === 'fixed' && (lengths.length < 1 || lengths.length > 2)) throw badRequest('billing_ocr_lengths_invalid');
    const row = await repo.updateSettings(
      tx,
      { landlordId: actor.landlordId },
      { ...patch, ocrFixedLengths: control === 'fixed' ? lengths : [] },
    );
    return presentSettings(row);
  });
}

// --- Billing runs --------------------------------------------------------------------------------------

type Candidate = Awaited<ReturnType<typeof repo.listRunCandidates>>[number];
type Planned = {
  lease: Candidate;
  periodEnd: string;
  priced: ReturnType<typeof priceLines>;
};

/**
 * What a run of `period` would do: the leases to bill (in lease-number order, the order numbers are
 * given in) and why the others are skipped. Read under the series lock when it is about to be written.
 */
async function planRun(db: DbOrTx, landlordId: string, period: string) {
  const periodStart = periodStartOf(period);
  const candidates = await repo.listRunCandidates(db, { landlordId, periodStart });
  const skipped = { alreadyBilled: 0, noRentLines: 0, notActive: 0, notThisPeriod: 0 };
  const eligible: { lease: Candidate; periodEnd: string }[] = [];
  const quarterMonth = isQuarterMonth(periodStart);
  for (const lease of candidates) {
    if (lease.cadence === 'quarterly' && !quarterMonth) {
      skipped.notThisPeriod++;
      continue;
    }
    const periodEnd = periodEndOf(periodStart, lease.cadence);
    if (!activeIn(lease, periodStart, periodEnd)) skipped.notActive++;
    else if (lease.billed) skipped.alreadyBilled++;
    else eligible.push({ lease, periodEnd });
  }
  const lines = eligible.length ? await repo.listRentLines(db, { landlordId }) : [];
  const byLease = new Map<string, typeof lines>();
  for (const line of lines) {
    const list = byLease.get(line.leaseId);
    if (list) list.push(line);
    else byLease.set(line.leaseId, [line]);
  }
  const planned: Planned[] = [];
  for (const { lease, periodEnd } of eligible) {
    const leaseLines = byLease.get(lease.id);
    if (!leaseLines?.length) {
      skipped.noRentLines++;
      continue;
    }
    planned.push({ lease, periodEnd, priced: priceLines(leaseLines, monthsOf(lease.cadence)) });
  }
  return { periodStart, planned, skipped };
}

function totalsOf(planned: Planned[], currency: Currency) {
  const total = planned.reduce((s, p) => s + p.priced.totalMinor, 0);
  return planned.length ? [{ currency, totalMinor: total }] : [];
}

async function paymentSetupFor(db: DbOrTx, landlordId: string, settings: repo.SettingsRow): Promise<PaymentSetup> {
  const landlord = await repo.findLandlord(db, { landlordId });
  if (!landlord) throw notFound('landlord');
  return paymentSetup(settings.currency, landlord.accounts, { control: settings.ocrControl, fixedLengths: settings.ocrFixedLengths });
}

export async function previewRun(deps: Deps, actor: StaffActor, period: string): Promise<BillingRunPreview> {
  assertMayManageBilling(actor);
  const settings = await getBillingSettings(deps.db, actor.landlordId);
  const setup = await paymentSetupFor(deps.db, actor.landlordId, settings);
  const { periodStart, planned, skipped } = await planRun(deps.db, actor.landlordId, period);
  const dueDate = dueDateFor(settings.dueRule, periodStart);
  // The numbers a run would give must fit the OCR rule (fixed lengths); say so now, not at the run.
  if (planned.length) setup.reference(settings.nextNumber + planned.length - 1);
  return {
    period,
    periodStart,
    dueDate,
    createCount: planned.length,
    totals: totalsOf(planned, settings.currency),
    rows: planned.slice(0, PREVIEW_ROWS).map((p) => ({
      lease: { id: p.lease.id, number: p.lease.number },
      customer: { id: p.lease.customerId, name: p.lease.customerName },
      cadence: p.lease.cadence,
      currency: settings.currency,
      totalMinor: p.priced.totalMinor,
      dueDate,
    })),
    skipped,
  };
}

function presentRun(run: repo.RunRow): BillingRun {
  return {
    id: run.id,
    period: run.periodStart.slice(0, 7),
    periodStart: run.periodStart,
    source: run.source,
    createdCount: run.createdCount,
    skippedCount: run.skippedCount,
    firstNumber: run.firstSeq === null ? null : String(run.firstSeq),
    lastNumber: run.lastSeq === null ? null : String(run.lastSeq),
    totals: run.totals,
    createdAt: run.createdAt.toISOString(),
  };
}

/**
 * A billing run: one notice per lease active in the period, from its rent lines, numbered from the
 * landlord's series in lease-number order. One transaction (decision 11R2): the series row is locked
 * first, so runs, charges and credit notes of a landlord take numbers one after the other, a rolled
 * back run gives its numbers back, and the "already billed" filter read under the lock is exact (the
 * unique index on lease and period backs it). Returns null when `onlyOnce` finds the scheduled run done.
 */
export async function executeRun(
  db: DbOrTx,
  p: { landlordId: string; period: string; source: 'console' | 'api' | 'schedule'; createdBy: string | null; today?: string },
) {
  const { landlordId } = p;
  const today = p.today ?? billingToday();
  return db.transaction(async (tx) => {
    const settings = await getBillingSettings(tx, landlordId, { lock: true });
    const periodStart = periodStartOf(p.period);
    if (p.source === 'schedule' && (await repo.scheduledRunExists(tx, { landlordId, periodStart }))) return null;
    const setup = await paymentSetupFor(tx, landlordId, settings);
    const { planned, skipped } = await planRun(tx, landlordId, p.period);
    const dueDate = dueDateFor(settings.dueRule, periodStart);
    const first = settings.nextNumber;
    const currency = settings.currency;
    const run = await repo.insertRun(tx, {
      landlordId,
      periodStart,
      source: p.source,
      createdBy: p.createdBy,
      createdCount: planned.length,
      skippedCount: skipped.alreadyBilled + skipped.noRentLines + skipped.notActive + skipped.notThisPeriod,
      firstSeq: planned.length ? first : null,
      lastSeq: planned.length ? first + planned.length - 1 : null,
      totals: totalsOf(planned, currency),
    });
    const invoiceRows: repo.InvoiceValues[] = [];
    const lineRows: repo.LineValues[] = [];
    planned.forEach((plan, i) => {
      const seq = first + i;
      const id = randomUUID();
      invoiceRows.push({
        id,
        landlordId,
        customerId: plan.lease.customerId,
        leaseId: plan.lease.id,
        propertyId: plan.lease.propertyId,
        kind: 'notice',
        number: String(seq),
        seq,
        period: p.period,
        periodStart,
        periodEnd: plan.periodEnd,
        issueDate: today,
        subtotalMinor: plan.priced.subtotalMinor,
        vatMinor: plan.priced.vatMinor,
        totalMinor: plan.priced.totalMinor,
        currency,
        dueDate,
        status: 'unpaid',
        reference: setup.reference(seq),
        paymentMethod: setup.method,
        billingRunId: run.id,
        mandateId: plan.lease.mandateId,
      });
      plan.priced.lines.forEach((line, position) => {
        lineRows.push({ landlordId, invoiceId: id, position, ...line });
      });
    });
    await repo.insertRunNotices(
      tx,
      { landlordId, period: p.period, periodStart, issueDate: today, currency, dueDate, paymentMethod: setup.method, billingRunId: run.id },
      invoiceRows,
    );
    await repo.insertLines(tx, lineRows);
    if (planned.length) await repo.setNextNumber(tx, { landlordId, nextNumber: first + planned.length });
    await emitEvents(
      tx,
      landlordId,
      'invoice.created',
      invoiceRows.map((r) => ({
        invoiceId: r.id!,
        number: r.number,
        kind: 'notice' as const,
        customerId: r.customerId,
        leaseId: r.leaseId,
        totalMinor: r.totalMinor,
        currency,
        dueDate,
        externalId: null,
      })),
    );
    return presentRun(run);
  });
}

export async function startRun(deps: Deps, actor: StaffActor, period: string) {
  assertMayManageBilling(actor);
  const run = await executeRun(deps.db, {
    landlordId: actor.landlordId,
    period,
    source: actor.apiKey ? 'api' : 'console',
    createdBy: actor.id,
  });
  return run!;
}

export async function listRuns(deps: Deps, actor: StaffActor, query: CursorQuery) {
  assertMayReadBilling(actor);
  const page = await repo.listRuns(deps.db, { landlordId: actor.landlordId, ...query });
  return { ...page, items: page.items.map((r) => presentRun(r.run)) };
}

export async function getRun(deps: Deps, actor: StaffActor, runId: string) {
  assertMayReadBilling(actor);
  const run = await repo.findRun(deps.db, { landlordId: actor.landlordId, runId });
  if (!run) throw notFound('billing_run');
  return presentRun(run);
}

/**
 * The schedule (decision 11R4): every landlord whose `schedule_day` has come this month (the
 * landlords' calendar day) gets the next month billed once. A retried or doubled job finds the
 * scheduled run recorded (checked under the series lock) and does nothing.
 */
export async function runScheduledBilling(deps: Pick<Deps, 'db'>, now = new Date()) {
  const today = billingToday(now);
  const day = Number(today.slice(8, 10));
  const period = nextPeriodAfter(today);
  const due = await repo.listScheduledLandlords(deps.db, { day });
  const results: { landlordId: string; created: number | null; error?: string }[] = [];
  for (const { landlordId } of due) {
    if (await repo.scheduledRunExists(deps.db, { landlordId, periodStart: periodStartOf(period) })) continue;
    try {
      const run = await executeRun(deps.db, { landlordId, period, source: 'schedule', createdBy: null, today });
      results.push({ landlordId, created: run?.createdCount ?? null });
    } catch (err) {
      // One landlord without a payment account must not stop the others; it is retried next pass.
      results.push({ landlordId, created: null, error: err instanceof AppError ? err.code : String(err) });
    }
  }
  return { period, results };
}

// --- Single charges, credit notes, integrators' notices -----------------------------------------------

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
