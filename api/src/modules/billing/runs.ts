import { randomUUID } from 'node:crypto';
import type { BillingRun, BillingRunPreview } from '@portico/shared/contracts/billing';
import { PREVIEW_ROWS } from '@portico/shared/contracts/billing';
import type { Currency } from '@portico/shared/contracts/billing-core';
import type { CursorQuery } from '@portico/shared/pagination';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../errors';
import { emitEvents } from '../events/service';
import { assertMayManageBilling, assertMayReadBilling } from './policy';
import * as repo from './repo';
import {
  activeIn,
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
import { getBillingSettings } from './settings';
import { billingToday } from './today';

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

export async function paymentSetupFor(db: DbOrTx, landlordId: string, settings: repo.SettingsRow): Promise<PaymentSetup> {
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
