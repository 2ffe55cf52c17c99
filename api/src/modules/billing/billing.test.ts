import { fik71Line, parseFikLine } from '@portico/shared/formats/fik';
import { ocrProblem } from '@portico/shared/formats/ocr';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, PASSWORD, signIn } from '../../../test/helpers';
import { insertCustomer, insertInvoice, insertLandlord, insertLease, insertProperty, insertStaff } from '../../db/fixtures';
import { billingRuns, billingSettings, invoices } from '../../db/schema/invoices';
import { landlords } from '../../db/schema/landlords';
import { leaseRentLines, leases } from '../../db/schema/leases';
import { staffUsers } from '../../db/schema/staff';
import { events } from '../../db/schema/webhooks';
import { dueDateFor } from './rules';
import { runScheduledBilling } from './runs';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * A Swedish landlord ready to bill: bankgiro, a finance user, rent lines on the flat (rent + heating)
 * and on the office (commercial, 25 % VAT); the storage room has no rent lines.
 */
async function billable(opts: { bankgiro?: boolean } = {}) {
  const l = await makeLandlord(t.app);
  const db = t.app.db;
  if (opts.bankgiro !== false)
    await db
      .update(landlords)
      .set({ paymentAccounts: { bankgiro: '991-2346' } })
      .where(eq(landlords.id, l.landlord.id));
  const finance = await insertStaff(db, {
    landlordId: l.landlord.id,
    email: `finance-${l.landlord.id.slice(0, 8)}@staff.test`,
    name: 'Finance',
    role: 'finance',
    password: PASSWORD,
  });
  await db.insert(leaseRentLines).values([
    { landlordId: l.landlord.id, leaseId: l.flat.id, position: 0, kind: 'rent', description: 'Hyra', amountMinor: 850_000 },
    { landlordId: l.landlord.id, leaseId: l.flat.id, position: 1, kind: 'heating', description: 'Värme', amountMinor: 50_000 },
    {
      landlordId: l.landlord.id,
      leaseId: l.office.id,
      position: 0,
      kind: 'rent',
      description: 'Lokalhyra',
      amountMinor: 2_000_001,
      vatRate: 25,
    },
  ]);
  const client = await signIn(t.app, 'staff', finance.email);
  return { ...l, finance, client };
}

const noticesOf = (landlordId: string) => t.app.db.select().from(invoices).where(eq(invoices.landlordId, landlordId)).orderBy(invoices.seq);

describe('billing settings', () => {
  it('are created with the country defaults on first read; finance edits them, managers read, technicians nothing', async () => {
    const l = await billable();
    const got = await l.client.get('/api/v1/billing/settings');
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({
      currency: 'SEK',
      ocrControl: 'length',
      ocrFixedLengths: [],
      dueRule: 'last_weekday_before',
      reminderDays: null,
      scheduleDay: null,
      attachPdf: true,
      nextNumber: 1,
    });
    const ok = await l.client.patch('/api/v1/billing/settings', {
      ocrControl: 'fixed',
      ocrFixedLengths: [8, 10],
      reminderDays: 10,
      scheduleDay: 20,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ocrControl: 'fixed', ocrFixedLengths: [8, 10], reminderDays: 10, scheduleDay: 20 });
    for (const [body, code] of [
      [{ ocrControl: 'fixed', ocrFixedLengths: [] }, 'billing_ocr_lengths_invalid'],
      [{ ocrFixedLengths: [8, 10, 12] }, 'validation_failed'],
      [{ ocrFixedLengths: [1] }, 'validation_failed'],
      [{ ocrFixedLengths: [26] }, 'validation_failed'],
      [{ reminderDays: 0 }, 'validation_failed'],
      [{ reminderDays: 91 }, 'validation_failed'],
      [{ scheduleDay: 29 }, 'validation_failed'],
      [{ scheduleDay: 0 }, 'validation_failed'],
      [{ currency: 'USD' }, 'validation_failed'],
    ] as const) {
      const res = await l.client.patch('/api/v1/billing/settings', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    // Leaving fixed lengths drops the lengths; null turns reminders and the schedule off.
    const back = await l.client.patch('/api/v1/billing/settings', { ocrControl: 'check', reminderDays: null, scheduleDay: null });
    expect(back.json()).toMatchObject({ ocrControl: 'check', ocrFixedLengths: [], reminderDays: null, scheduleDay: null });

    const manager = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.get('/api/v1/billing/settings')).statusCode).toBe(200);
    expect((await manager.patch('/api/v1/billing/settings', { attachPdf: false })).statusCode).toBe(403);
    const technician = await signIn(t.app, 'staff', l.technician.email);
    expect((await technician.get('/api/v1/billing/settings')).statusCode).toBe(403);
  });

  it('a Danish landlord starts with DKK and the first weekday of the period', async () => {
    const dk = await insertLandlord(t.app.db, { name: 'Dansk udlejer', country: 'DK', defaultLocale: 'da' });
    const admin = await insertStaff(t.app.db, {
      landlordId: dk.id,
      email: `admin-${dk.id}@dk.test`,
      name: 'A',
      role: 'admin',
      password: PASSWORD,
    });
    const client = await signIn(t.app, 'staff', admin.email);
    expect((await client.get('/api/v1/billing/settings')).json()).toMatchObject({ currency: 'DKK', dueRule: 'first_weekday_of' });
  });
});

describe('due rules', () => {
  it('skip weekends: before a Saturday 1st is Friday the 30th; the first weekday of it is Monday the 3rd', () => {
    expect(dueDateFor('last_weekday_before', '2027-05-01')).toBe('2027-04-30');
    expect(dueDateFor('first_weekday_of', '2027-05-01')).toBe('2027-05-03');
    // March 2027 starts on a Monday: the day before is a Sunday, so the Friday before.
    expect(dueDateFor('last_weekday_before', '2027-03-01')).toBe('2027-02-26');
    expect(dueDateFor('first_weekday_of', '2027-03-01')).toBe('2027-03-01');
  });
});

describe('billing runs', () => {
  it('preview, run: one notice per active lease with lines, gapless numbers, VAT, OCR, due date, events; a re-run creates nothing', async () => {
    const l = await billable();
    const preview = await l.client.post('/api/v1/billing/runs/preview', { period: '2027-05' });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      periodStart: '2027-05-01',
      dueDate: '2027-04-30',
      createCount: 2,
      totals: [{ currency: 'SEK', totalMinor: 900_000 + 2_000_001 + 500_000 }],
      skipped: { alreadyBilled: 0, noRentLines: 1, notActive: 0, notThisPeriod: 0 },
    });
    expect(preview.json().rows.map((r: { lease: { number: string } }) => r.lease.number)).toEqual([l.flat.number, l.office.number]);
    // A preview writes nothing.
    expect(await noticesOf(l.landlord.id)).toEqual([]);

    const run = await l.client.post('/api/v1/billing/runs', { period: '2027-05' });
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({
      period: '2027-05',
      source: 'console',
      createdCount: 2,
      skippedCount: 1,
      firstNumber: '1',
      lastNumber: '2',
    });
    const rows = await noticesOf(l.landlord.id);
    expect(rows.map((r) => [r.number, r.leaseId])).toEqual([
      ['1', l.flat.id],
      ['2', l.office.id],
    ]);
    const [flat, office] = rows;
    expect(flat).toMatchObject({
      subtotalMinor: 900_000,
      vatMinor: 0,
      totalMinor: 900_000,
      periodEnd: '2027-05-31',
      dueDate: '2027-04-30',
    });
    expect(flat).toMatchObject({
      currency: 'SEK',
      paymentMethod: 'bankgiro',
      status: 'unpaid',
      propertyId: l.property.id,
      billingRunId: run.json().id,
    });
    // 25 % of 20,000.01 kr is 5,000.0025 kr: rounded to the öre.
    expect(office).toMatchObject({ subtotalMinor: 2_000_001, vatMinor: 500_000, totalMinor: 2_500_001 });
    for (const r of rows) expect(ocrProblem(r.reference!, { control: 'length' })).toBeNull();

    const detail = await l.client.get(`/api/v1/invoices/${office!.id}`);
    expect(detail.json()).toMatchObject({
      number: '2',
      lines: [{ kind: 'rent', amountMinor: 2_000_001, vatRate: 25, vatMinor: 500_000 }],
      payment: { method: 'bankgiro', account: '991-2346', reference: office!.reference },
    });
    const emitted = await t.app.db
      .select()
      .from(events)
      .where(and(eq(events.landlordId, l.landlord.id), eq(events.type, 'invoice.created')));
    expect(emitted.map((e) => (e.data as { number: string }).number).sort()).toEqual(['1', '2']);

    const again = await l.client.post('/api/v1/billing/runs', { period: '2027-05' });
    expect(again.json()).toMatchObject({ createdCount: 0, skippedCount: 3, firstNumber: null });
    expect((await l.client.post('/api/v1/billing/runs/preview', { period: '2027-05' })).json().skipped.alreadyBilled).toBe(2);
    expect(await noticesOf(l.landlord.id)).toHaveLength(2);
    // The next month continues the series.
    expect((await l.client.post('/api/v1/billing/runs', { period: '2027-06' })).json()).toMatchObject({
      firstNumber: '3',
      lastNumber: '4',
    });

    const list = await l.client.get('/api/v1/billing/runs?limit=2');
    expect(list.json().items.map((r: { period: string }) => r.period)).toEqual(['2027-06', '2027-05']);
    expect(list.json().nextCursor).not.toBeNull();
    expect((await l.client.get(`/api/v1/billing/runs/${run.json().id}`)).json()).toMatchObject({ createdCount: 2 });
    const other = await billable();
    expect((await other.client.get(`/api/v1/billing/runs/${run.json().id}`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/invoices/${office!.id}`)).statusCode).toBe(404);
  });

  it('bills only leases running in the period; ended and archived ones never', async () => {
    const l = await billable();
    await t.app.db.update(leases).set({ validFrom: '2027-06-01' }).where(eq(leases.id, l.flat.id));
    await t.app.db.update(leases).set({ validTo: '2027-04-30', status: 'terminated' }).where(eq(leases.id, l.office.id));
    const may = (await l.client.post('/api/v1/billing/runs/preview', { period: '2027-05' })).json();
    expect(may).toMatchObject({ createCount: 0, skipped: { notActive: 2, noRentLines: 1 } });
    // A lease ending mid-month is billed for that month.
    await t.app.db.update(leases).set({ validTo: '2027-05-15' }).where(eq(leases.id, l.office.id));
    expect((await l.client.post('/api/v1/billing/runs/preview', { period: '2027-05' })).json().createCount).toBe(1);
    await t.app.db.update(leases).set({ status: 'ended' }).where(eq(leases.id, l.office.id));
    await t.app.db.update(leases).set({ archivedAt: new Date() }).where(eq(leases.id, l.flat.id));
    expect((await l.client.post('/api/v1/billing/runs/preview', { period: '2027-06' })).json()).toMatchObject({ createCount: 0 });
  });

  it('quarterly leases: billed in January, April, July and October for three months', async () => {
    const l = await billable();
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const patched = await admin.patch(`/api/v1/leases/${l.flat.id}`, { billingCadence: 'quarterly' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().billingCadence).toBe('quarterly');
    expect((await admin.patch(`/api/v1/leases/${l.flat.id}`, { billingCadence: 'yearly' })).statusCode).toBe(400);
    const may = await l.client.post('/api/v1/billing/runs', { period: '2027-05' });
    expect(may.json()).toMatchObject({ createdCount: 1 });
    expect((await l.client.post('/api/v1/billing/runs/preview', { period: '2027-06' })).json().skipped.notThisPeriod).toBe(1);
    await l.client.post('/api/v1/billing/runs', { period: '2027-07' });
    const [quarter] = await t.app.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.leaseId, l.flat.id), eq(invoices.landlordId, l.landlord.id)));
    expect(quarter).toMatchObject({ periodStart: '2027-07-01', periodEnd: '2027-09-30', totalMinor: 3 * 900_000, dueDate: '2027-06-30' });
  });

  it('numbers stay gapless when a run fails half-way: the rollback takes the counter back too', async () => {
    const l = await billable();
    // Fixed OCR length 3: bases up to two digits fit, so number 99 fits and 100 does not.
    await t.app.db
      .update(billingSettings)
      .set({ ocrControl: 'fixed', ocrFixedLengths: [3] })
      .where(eq(billingSettings.landlordId, l.landlord.id));
    await l.client.get('/api/v1/billing/settings');
    await t.app.db
      .insert(billingSettings)
      .values({
        landlordId: l.landlord.id,
        currency: 'SEK',
        dueRule: 'last_weekday_before',
        ocrControl: 'fixed',
        ocrFixedLengths: [3],
        nextNumber: 99,
      })
      .onConflictDoUpdate({ target: billingSettings.landlordId, set: { nextNumber: 99, ocrControl: 'fixed', ocrFixedLengths: [3] } });
    const failed = await l.client.post('/api/v1/billing/runs', { period: '2027-05' });
    expect(failed.statusCode).toBe(422);
    expect(failed.json().error.code).toBe('billing_number_does_not_fit');
    expect(await noticesOf(l.landlord.id)).toEqual([]);
    expect(await t.app.db.select().from(billingRuns).where(eq(billingRuns.landlordId, l.landlord.id))).toEqual([]);
    expect((await l.client.get('/api/v1/billing/settings')).json().nextNumber).toBe(99);
    await l.client.patch('/api/v1/billing/settings', { ocrControl: 'length' });
    await l.client.post('/api/v1/billing/runs', { period: '2027-05' });
    expect((await noticesOf(l.landlord.id)).map((r) => r.seq)).toEqual([99, 100]);
  });

  it('two runs of the same month at once: each lease billed once, numbers gapless', async () => {
    const l = await billable();
    const [a, b] = await Promise.all([
      l.client.post('/api/v1/billing/runs', { period: '2027-09' }),
      l.client.post('/api/v1/billing/runs', { period: '2027-09' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect([a.json().createdCount, b.json().createdCount].sort()).toEqual([0, 2]);
    expect((await noticesOf(l.landlord.id)).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('refuses without a payment account for the currency (422), nothing written', async () => {
    const l = await billable({ bankgiro: false });
    for (const url of ['/api/v1/billing/runs/preview', '/api/v1/billing/runs']) {
      const res = await l.client.post(url, { period: '2027-05' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('billing_no_payment_account');
    }
    expect(await noticesOf(l.landlord.id)).toEqual([]);
    expect((await l.client.post('/api/v1/billing/runs', { period: '2027-13' })).statusCode).toBe(400);
  });

  it('a Danish landlord bills in DKK with FI card 71 references and the first weekday as due date', async () => {
    const dk = await insertLandlord(t.app.db, { name: 'Udlejer', country: 'DK', defaultLocale: 'da' });
    await t.app.db
      .update(landlords)
      .set({ paymentAccounts: { fiCreditor: '85799665' } })
      .where(eq(landlords.id, dk.id));
    const finance = await insertStaff(t.app.db, {
      landlordId: dk.id,
      email: `fin-${dk.id}@dk.test`,
      name: 'F',
      role: 'finance',
      password: PASSWORD,
    });
    const { units } = await insertProperty(
      t.app.db,
      { landlordId: dk.id, name: 'Vej 1', street: 'Vej 1', postalCode: '2100', city: 'København' },
      [{ number: '1', type: 'apartment', address: 'Vej 1, 1. th' }],
    );
    const { customer } = await insertCustomer(t.app.db, { landlordId: dk.id, kind: 'person', name: 'Lejer' }, []);
    const lease = await insertLease(t.app.db, {
      landlordId: dk.id,
      customerId: customer.id,
      unitId: units[0]!.id,
      number: 'DK-1',
      validFrom: '2026-01-01',
    });
    await t.app.db
      .insert(leaseRentLines)
      .values({ landlordId: dk.id, leaseId: lease.id, position: 0, kind: 'rent', amountMinor: 1_200_000 });
    const client = await signIn(t.app, 'staff', finance.email);
    expect((await client.post('/api/v1/billing/runs', { period: '2027-05' })).statusCode).toBe(201);
    const [notice] = await noticesOf(dk.id);
    expect(notice).toMatchObject({ currency: 'DKK', paymentMethod: 'fik', dueDate: '2027-05-03', totalMinor: 1_200_000 });
    const parsed = parseFikLine(fik71Line(notice!.reference!, '85799665'));
    expect(parsed).toMatchObject({ kind: '71', paymentId: notice!.reference, account: '85799665' });
  });

  it('the schedule bills the next month once on the schedule day, however often it runs', async () => {
    const l = await billable();
    await l.client.patch('/api/v1/billing/settings', { scheduleDay: 14 });
    const before = await runScheduledBilling(t.app, new Date('2027-04-13T10:00:00Z'));
    expect(before.results.find((r) => r.landlordId === l.landlord.id)).toBeUndefined();
    const day = new Date('2027-04-14T10:00:00Z');
    const [first, second] = await Promise.all([runScheduledBilling(t.app, day), runScheduledBilling(t.app, day)]);
    expect(first.period).toBe('2027-05');
    const mine = [...first.results, ...second.results].filter((r) => r.landlordId === l.landlord.id && r.created);
    expect(mine).toEqual([{ landlordId: l.landlord.id, created: 2 }]);
    await runScheduledBilling(t.app, new Date('2027-04-20T10:00:00Z'));
    const runs = await t.app.db.select().from(billingRuns).where(eq(billingRuns.landlordId, l.landlord.id));
    expect(runs.map((r) => [r.source, r.periodStart, r.createdCount])).toEqual([['schedule', '2027-05-01', 2]]);
    expect(await noticesOf(l.landlord.id)).toHaveLength(2);
  });

  it('managers read runs but cannot preview or run; technicians get nothing', async () => {
    const l = await billable();
    const manager = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.get('/api/v1/billing/runs')).statusCode).toBe(200);
    expect((await manager.post('/api/v1/billing/runs/preview', { period: '2027-05' })).statusCode).toBe(403);
    expect((await manager.post('/api/v1/billing/runs', { period: '2027-05' })).statusCode).toBe(403);
    const technician = await signIn(t.app, 'staff', l.technician.email);
    expect((await technician.get('/api/v1/billing/runs')).statusCode).toBe(403);
    expect((await technician.get('/api/v1/invoices')).statusCode).toBe(403);
  });
});

describe('single charges and credit notes', () => {
  it('a charge takes the next number and an OCR; a credit note credits at most what is open', async () => {
    const l = await billable();
    await l.client.post('/api/v1/billing/runs', { period: '2027-05' });
    const [flatNotice] = await noticesOf(l.landlord.id);
    const charge = await l.client.post('/api/v1/invoices/charges', {
      leaseId: l.office.id,
      lines: [{ kind: 'other', description: 'Extra nyckel', amountMinor: 40_000, vatRate: 25 }],
      dueDate: '2099-01-31',
    });
    expect(charge.statusCode).toBe(201);
    expect(charge.json()).toMatchObject({
      number: '3',
      kind: 'charge',
      totalMinor: 50_000,
      vatMinor: 10_000,
      dueDate: '2099-01-31',
      period: null,
    });
    expect(ocrProblem(charge.json().payment.reference, { control: 'length' })).toBeNull();
    const residentialVat = await l.client.post('/api/v1/invoices/charges', {
      leaseId: l.flat.id,
      lines: [{ kind: 'other', description: 'Nyckel', amountMinor: 100, vatRate: 25 }],
    });
    expect(residentialVat.json().error.code).toBe('vat_not_allowed_on_residential');
    expect((await l.client.post('/api/v1/invoices/charges', { leaseId: l.flat.id, lines: [] })).statusCode).toBe(400);

    const tooMuch = await l.client.post(`/api/v1/invoices/${flatNotice!.id}/credit-notes`, { amountMinor: 900_001, reason: 'Fel' });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error.code).toBe('invoice_credit_too_large');
    expect((await l.client.post(`/api/v1/invoices/${flatNotice!.id}/credit-notes`, { reason: 'Fel' })).statusCode).toBe(400);
    const part = await l.client.post(`/api/v1/invoices/${flatNotice!.id}/credit-notes`, { amountMinor: 100_000, reason: 'Hyresrabatt' });
    expect(part.statusCode).toBe(201);
    expect(part.json()).toMatchObject({
      number: '4',
      kind: 'credit_note',
      totalMinor: -100_000,
      payment: null,
      creditsInvoice: { id: flatNotice!.id, number: '1' },
    });
    expect((await l.client.get(`/api/v1/invoices/${flatNotice!.id}`)).json()).toMatchObject({ creditedMinor: 100_000, openMinor: 800_000 });
    const rest = await l.client.post(`/api/v1/invoices/${flatNotice!.id}/credit-notes`, {
      lines: [{ kind: 'rent', description: 'Resten', amountMinor: 800_000 }],
      reason: 'Avflyttning',
    });
    expect(rest.json()).toMatchObject({ number: '5', lines: [{ amountMinor: -800_000 }] });
    expect((await l.client.get(`/api/v1/invoices/${flatNotice!.id}`)).json()).toMatchObject({ status: 'credited', openMinor: 0 });
    const again = await l.client.post(`/api/v1/invoices/${flatNotice!.id}/credit-notes`, { amountMinor: 1, reason: 'x' });
    expect(again.json().error.code).toBe('invoice_credit_too_large');
    const ofNote = await l.client.post(`/api/v1/invoices/${part.json().id}/credit-notes`, { amountMinor: 1, reason: 'x' });
    expect(ofNote.json().error.code).toBe('invoice_not_creditable');

    // A credit note of a VAT notice splits the amount like the original.
    const [, officeNotice] = await noticesOf(l.landlord.id);
    const vatCredit = await l.client.post(`/api/v1/invoices/${officeNotice!.id}/credit-notes`, { amountMinor: 125_000, reason: 'Rabatt' });
    expect(vatCredit.json()).toMatchObject({ totalMinor: -125_000, vatMinor: -25_000, subtotalMinor: -100_000 });

    const manager = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.post(`/api/v1/invoices/${officeNotice!.id}/credit-notes`, { amountMinor: 1, reason: 'x' })).statusCode).toBe(403);
    expect((await manager.get(`/api/v1/invoices/${officeNotice!.id}`)).statusCode).toBe(200);
    const other = await billable();
    expect((await other.client.post(`/api/v1/invoices/${officeNotice!.id}/credit-notes`, { amountMinor: 1, reason: 'x' })).statusCode).toBe(
      404,
    );
    expect(
      (
        await other.client.post('/api/v1/invoices/charges', {
          leaseId: l.office.id,
          lines: [{ kind: 'other', description: 'x', amountMinor: 1 }],
        })
      ).statusCode,
    ).toBe(404);
  });

  it('PUT by external id: created with our number, changed while unpaid, locked after a credit', async () => {
    const l = await billable();
    await t.app.db.update(leases).set({ externalId: 'ERP-L-1' }).where(eq(leases.id, l.office.id));
    const body = {
      leaseExternalId: 'ERP-L-1',
      period: '2027-03',
      lines: [{ kind: 'rent', description: 'Lokalhyra mars', amountMinor: 100_000, vatRate: 25 }],
      dueDate: '2027-02-26',
    };
    const created = await l.client.put('/api/v1/invoices/by-external-id/ERP-N-1', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      number: '1',
      externalId: 'ERP-N-1',
      totalMinor: 125_000,
      period: { start: '2027-03-01', end: '2027-03-31' },
    });
    const changed = await l.client.put('/api/v1/invoices/by-external-id/ERP-N-1', {
      ...body,
      lines: [{ ...body.lines[0], amountMinor: 200_000 }],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ number: '1', totalMinor: 250_000, lines: [{ amountMinor: 200_000 }] });
    expect(changed.json().payment.reference).toBe(created.json().payment.reference);
    // A billing run of March does not bill the office again.
    expect((await l.client.post('/api/v1/billing/runs/preview', { period: '2027-03' })).json().skipped.alreadyBilled).toBe(1);
    // Another external id for the same lease and period is refused.
    const twin = await l.client.put('/api/v1/invoices/by-external-id/ERP-N-2', body);
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.code).toBe('invoice_period_taken');
    await l.client.post(`/api/v1/invoices/${created.json().id}/credit-notes`, { amountMinor: 1000, reason: 'x' });
    const locked = await l.client.put('/api/v1/invoices/by-external-id/ERP-N-1', body);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('invoice_locked');
    expect((await l.client.put('/api/v1/invoices/by-external-id/ERP-N-3', { ...body, leaseExternalId: 'nope' })).statusCode).toBe(404);
  });
});

describe('staff invoice lists', () => {
  async function seeded() {
    const l = await billable();
    const base = { landlordId: l.landlord.id };
    await insertInvoice(t.app.db, {
      ...base,
      customerId: l.household.customer.id,
      leaseId: l.flat.id,
      status: 'unpaid',
      dueDate: '2099-01-31',
    });
    await insertInvoice(t.app.db, {
      ...base,
      customerId: l.household.customer.id,
      leaseId: l.flat.id,
      status: 'unpaid',
      dueDate: '2020-01-31',
    });
    await insertInvoice(t.app.db, {
      ...base,
      customerId: l.company.customer.id,
      leaseId: l.office.id,
      status: 'paid',
      dueDate: '2020-01-31',
    });
    await insertInvoice(t.app.db, {
      ...base,
      customerId: l.company.customer.id,
      leaseId: l.office.id,
      status: 'partly_paid',
      paidMinor: 250_000,
      dueDate: '2020-02-28',
      kind: 'charge',
    });
    return l;
  }
  const numbers = (res: { json: () => { items: { number: string }[] } }) => res.json().items.map((i) => i.number);

  it('newest number first, by cursor; filters by status (overdue derived), kind, customer, lease, property and period', async () => {
    const l = await seeded();
    const first = await l.client.get('/api/v1/invoices?limit=3');
    expect(numbers(first)).toEqual(['4', '3', '2']);
    expect(first.json()).toMatchObject({ total: 4, totalCapped: false });
    expect(numbers(await l.client.get(`/api/v1/invoices?limit=3&cursor=${first.json().nextCursor}`))).toEqual(['1']);
    expect(numbers(await l.client.get('/api/v1/invoices?status=overdue'))).toEqual(['4', '2']);
    expect((await l.client.get('/api/v1/invoices?status=overdue')).json().items[0]).toMatchObject({
      status: 'overdue',
      openMinor: 1_000_000,
    });
    expect(numbers(await l.client.get('/api/v1/invoices?status=unpaid'))).toEqual(['1']);
    expect(numbers(await l.client.get('/api/v1/invoices?status=paid'))).toEqual(['3']);
    expect(numbers(await l.client.get('/api/v1/invoices?kind=charge'))).toEqual(['4']);
    expect(numbers(await l.client.get(`/api/v1/invoices?customerId=${l.company.customer.id}`))).toEqual(['4', '3']);
    expect(numbers(await l.client.get(`/api/v1/invoices?leaseId=${l.flat.id}`))).toEqual(['2', '1']);
    expect(numbers(await l.client.get('/api/v1/invoices?period=2027-02'))).toEqual(['2']);
    expect(numbers(await l.client.get(`/api/v1/invoices?propertyId=${l.property.id}`))).toEqual([]);
    await t.app.db.update(invoices).set({ propertyId: l.property.id }).where(eq(invoices.leaseId, l.flat.id));
    expect(numbers(await l.client.get(`/api/v1/invoices?propertyId=${l.property.id}`))).toEqual(['2', '1']);
    expect((await l.client.get('/api/v1/invoices?status=late')).statusCode).toBe(400);
    const other = await billable();
    expect(numbers(await other.client.get('/api/v1/invoices'))).toEqual([]);
  });

  it('aged debt: open amounts per customer in buckets by days past due', async () => {
    const l = await billable();
    const base = { landlordId: l.landlord.id, customerId: l.household.customer.id, leaseId: l.flat.id, status: 'unpaid' as const };
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    await insertInvoice(t.app.db, { ...base, totalMinor: 1, dueDate: daysAgo(-5) });
    await insertInvoice(t.app.db, { ...base, totalMinor: 10, dueDate: daysAgo(10) });
    await insertInvoice(t.app.db, { ...base, totalMinor: 100, dueDate: daysAgo(45) });
    await insertInvoice(t.app.db, { ...base, totalMinor: 1000, dueDate: daysAgo(75) });
    await insertInvoice(t.app.db, { ...base, totalMinor: 10_000, dueDate: daysAgo(200) });
    await insertInvoice(t.app.db, { ...base, totalMinor: 100_000, dueDate: daysAgo(200), status: 'paid' });
    await insertInvoice(t.app.db, {
      landlordId: l.landlord.id,
      customerId: l.company.customer.id,
      leaseId: l.office.id,
      status: 'partly_paid',
      totalMinor: 500,
      paidMinor: 200,
      dueDate: daysAgo(3),
    });
    const res = await l.client.get('/api/v1/invoices/aged-debt?limit=1');
    expect(res.statusCode).toBe(200);
    const page1 = res.json();
    const page2 = (await l.client.get(`/api/v1/invoices/aged-debt?limit=1&cursor=${page1.nextCursor}`)).json();
    const rows = [...page1.items, ...page2.items];
    expect(rows.map((r) => r.customer.name)).toEqual([l.company.customer.name, l.household.customer.name].sort());
    const household = rows.find((r) => r.customer.id === l.household.customer.id);
    expect(household).toEqual({
      customer: { id: l.household.customer.id, name: l.household.customer.name },
      currency: 'SEK',
      notDueMinor: 1,
      days1to30Minor: 10,
      days31to60Minor: 100,
      days61to90Minor: 1000,
      over90Minor: 10_000,
      totalMinor: 11_111,
    });
    expect(rows.find((r) => r.customer.id === l.company.customer.id)).toMatchObject({ days1to30Minor: 300, totalMinor: 300 });
    expect(page1.total).toBe(2);
  });

  it('CSV export: filters, BOM and semicolons with decimal commas in Swedish, points and commas in English', async () => {
    const l = await seeded();
    const en = await l.client.get('/api/v1/invoices/export.csv?kind=charge');
    expect(en.body.startsWith('number,kind')).toBe(true);
    expect(en.body.trim().split('\r\n')[1]!.split(',').slice(12, 13)).toEqual(['12500.00']);
    // The person's language decides: Swedish (and Danish) Excel wants semicolons and decimal commas.
    await t.app.db.update(staffUsers).set({ locale: 'sv' }).where(eq(staffUsers.id, l.finance.id));
    const sv = await l.client.get('/api/v1/invoices/export.csv?status=overdue');
    expect(sv.statusCode).toBe(200);
    expect(sv.headers['content-type']).toMatch(/^text\/csv/);
    expect(sv.body.startsWith('\uFEFFnumber;kind;status;customer;')).toBe(true);
    const lines = sv.body.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]!.split(';').slice(0, 3)).toEqual(['4', 'charge', 'overdue']);
    expect(lines[1]!.split(';').slice(12, 16)).toEqual(['12500,00', '2500,00', '0,00', '10000,00']);
    const technician = await signIn(t.app, 'staff', l.technician.email);
    expect((await technician.get('/api/v1/invoices/export.csv')).statusCode).toBe(403);
  });
});
