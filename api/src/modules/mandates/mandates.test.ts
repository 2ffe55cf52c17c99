import { currentMandateTerms } from '@portico/shared/mandate-terms';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, outboxFor, PASSWORD, signIn } from '../../../test/helpers';
import { insertInvoice, insertPortalUser, insertStaff } from '../../db/fixtures';
import { invoices, mandates, payments } from '../../db/schema/invoices';
import { landlords } from '../../db/schema/landlords';
import { events } from '../../db/schema/webhooks';
import { loadInvoiceDetail } from '../invoices/present';
import { activeMandateIdOf } from './service';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const BS = currentMandateTerms('betalingsservice').version;
const AG = currentMandateTerms('autogiro').version;

/** A landlord of the country with a finance user, the company's main administrator and finance signed in. */
async function setup(country: 'SE' | 'DK') {
  const l = await makeLandlord(t.app);
  await t.app.db
    .update(landlords)
    .set({ country, paymentAccounts: country === 'DK' ? { fiCreditor: '85004100' } : { bankgiro: '991-2346' } })
    .where(eq(landlords.id, l.landlord.id));
  const financeUser = await insertStaff(t.app.db, {
    landlordId: l.landlord.id,
    email: `finance-${l.landlord.id.slice(0, 8)}@staff.test`,
    name: 'Finance',
    role: 'finance',
    password: PASSWORD,
  });
  const tenant = await signIn(t.app, 'portal', l.companyUser.email);
  const finance = await signIn(t.app, 'staff', financeUser.email);
  return { l, tenant, finance };
}

const bsBody = (leaseId: string, more: Record<string, unknown> = {}) => ({
  leaseId,
  kind: 'betalingsservice',
  bankCode: '1234',
  bankAccount: '0012345678',
  holderId: '211062-5629',
  holderName: 'Jens Hansen',
  acceptTerms: true,
  termsVersion: BS,
  ...more,
});
const agBody = (leaseId: string, more: Record<string, unknown> = {}) => ({
  leaseId,
  kind: 'autogiro',
  bankCode: '3300',
  bankAccount: '1212121212',
  holderId: '19121212-1212',
  holderName: 'Tolvan Tolvansson',
  acceptTerms: true,
  termsVersion: AG,
  ...more,
});

const mandateEvents = async (landlordId: string) =>
  (
    await t.app.db
      .select({ data: events.data })
      .from(events)
      .where(and(eq(events.landlordId, landlordId), eq(events.type, 'mandate.updated')))
      .orderBy(asc(events.createdAt))
  ).map((e) => e.data as { status: string; previousStatus: string | null; mandateId: string });

describe('portal: creating a payment agreement', () => {
  it('creates a pending Betalingsservice agreement, masked, with the acceptance stored and an event', async () => {
    const { l, tenant } = await setup('DK');
    const terms = await tenant.get('/api/v1/portal/mandate-terms?kind=betalingsservice');
    expect(terms.statusCode).toBe(200);
    expect(terms.json()).toMatchObject({ version: BS, payee: { name: l.landlord.name, account: '85004100' } });
    expect(terms.json().texts.da).toContain('Betalingsservice');

    const res = await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'betalingsservice',
      status: 'pending',
      bankCode: '1234',
      bankAccount: '••••5678',
      holderId: '••••5629',
      termsVersion: BS,
    });
    const [row] = await t.app.db.select().from(mandates).where(eq(mandates.id, res.json().id));
    expect(row).toMatchObject({ bankAccount: '0012345678', holderId: '2110625629', termsVersion: BS, acceptedBy: l.companyUser.id });
    expect(row!.acceptedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Decision 11M2: the lease number's digits.
    expect(row!.payerNumber).toBe(l.office.number.replace(/\D/g, '').replace(/^0+/, ''));
    expect(await mandateEvents(l.landlord.id)).toEqual([expect.objectContaining({ status: 'pending', previousStatus: null })]);

    const overview = (await tenant.get('/api/v1/portal/mandates')).json();
    expect(overview.kind).toBe('betalingsservice');
    expect(overview.leases).toEqual([
      { lease: expect.objectContaining({ id: l.office.id }), mandate: expect.objectContaining({ id: row!.id }) },
    ]);

    const again = await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('mandate_exists');
  });

  it('refuses bad bank data, terms not accepted, an old version and the other country kind', async () => {
    const { l, tenant } = await setup('DK');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ bankCode: '123' }, 400, 'mandate_bad_bank_code'],
      [{ bankAccount: '12345678901' }, 400, 'mandate_bad_account'],
      [{ holderId: '321362-5629' }, 400, 'mandate_bad_holder_id'],
      [{ holderId: '13585627' }, 400, 'mandate_bad_holder_id'],
      [{ acceptTerms: false }, 422, 'mandate_terms_not_accepted'],
      [{ termsVersion: 'betalingsservice-2020-01' }, 422, 'mandate_terms_outdated'],
      [{ kind: 'autogiro', termsVersion: AG }, 422, 'mandate_kind_not_offered'],
    ];
    for (const [more, status, code] of cases) {
      const res = await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id, more));
      expect([res.statusCode, res.json().error?.code], JSON.stringify(more)).toEqual([status, code]);
    }
    expect(await t.app.db.select().from(mandates).where(eq(mandates.landlordId, l.landlord.id))).toEqual([]);
    // A CPR failing the old mod 11 is taken, with a warning only; a CVR works too; no mod 11 on the account.
    const res = await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id, { holderId: '211062-5628', bankAccount: '1234567890' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toEqual(['cpr_mod11']);
  });

  it('SE: autogiro with a Swedbank 5-digit clearing; betalingsservice refused', async () => {
    const { l, tenant } = await setup('SE');
    expect((await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id))).json().error.code).toBe('mandate_kind_not_offered');
    const res = await tenant.post('/api/v1/portal/mandates', agBody(l.office.id, { bankCode: '8327-9' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().bankCode).toBe('8327');
  });

  it('only main administrators, and only for their own leases', async () => {
    const { l, tenant } = await setup('DK');
    const member = await insertPortalUser(
      t.app.db,
      { email: `member-${l.landlord.id.slice(0, 8)}@company.test`, name: 'M', password: PASSWORD },
      [{ landlordId: l.landlord.id, customerId: l.company.customer.id, contactId: l.company.contacts[1]!.id, role: 'user' }],
    );
    const user = await signIn(t.app, 'portal', member.email);
    expect((await user.post('/api/v1/portal/mandates', bsBody(l.office.id))).statusCode).toBe(403);
    expect((await user.get('/api/v1/portal/mandates')).statusCode).toBe(403);
    const other = await tenant.post('/api/v1/portal/mandates', bsBody(l.flat.id));
    expect(other.statusCode).toBe(404);
    expect(other.json().error.resource).toBe('lease');
  });
});

describe('staff: export, activate, reject, cancel', () => {
  it('exports the Autogiro medgivande file with the TK04 lines exactly, once, and again on download', async () => {
    const { l, tenant, finance } = await setup('SE');
    const created = await tenant.post('/api/v1/portal/mandates', agBody(l.office.id));
    expect(created.statusCode, created.body).toBe(201);
    const payer = (await t.app.db.select().from(mandates).where(eq(mandates.id, created.json().id)))[0]!.payerNumber;

    expect((await finance.post('/api/v1/mandates/export', { kind: 'autogiro' })).json().error.code).toBe('mandate_no_customer_number');
    const manager = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.post('/api/v1/mandates/export', { kind: 'autogiro', customerNumber: '123456' })).statusCode).toBe(403);

    const res = await finance.post('/api/v1/mandates/export', { kind: 'autogiro', customerNumber: '123456' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''autogiro-medgivanden-\d{8}-\d{6}\.txt$/);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toMatch(/^01\d{8}AUTOGIRO {44}1234560009912346$/);
    expect(lines[1]).toBe(`040009912346${payer.padStart(16, '0')}3300001212121212191212121212`);
    expect(lines.slice(2)).toEqual(['']);

    const detail = (await finance.get(`/api/v1/mandates/${created.json().id}`)).json();
    expect(detail.exportedAt).not.toBeNull();
    expect((await finance.post('/api/v1/mandates/export', { kind: 'autogiro', customerNumber: '123456' })).json().error.code).toBe(
      'mandate_nothing_to_export',
    );
    const again = await finance.get(`/api/v1/mandates/exports/${detail.exportId}/file`);
    expect(again.body).toBe(res.body);
  });

  it('exports the Betalingsservice CSV', async () => {
    const { l, tenant, finance } = await setup('DK');
    const created = await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id));
    const payer = (await finance.get(`/api/v1/mandates/${created.json().id}`)).json().payerNumber;
    const res = await finance.post('/api/v1/mandates/export', { kind: 'betalingsservice' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    expect(res.body).toBe(`kundenummer;cpr_cvr;regnr;kontonr;navn;oprettet\r\n${payer};2110625629;1234;0012345678;Jens Hansen;${day}\r\n`);
  });

  it('activation puts the mandate on open notices not yet due, the notice shows direct debit, the tenant is told', async () => {
    const { l, tenant, finance } = await setup('DK');
    const base = { landlordId: l.landlord.id, customerId: l.company.customer.id, leaseId: l.office.id };
    const future = await insertInvoice(t.app.db, { ...base, status: 'unpaid', dueDate: '2099-01-01', period: '2098-12' });
    const past = await insertInvoice(t.app.db, { ...base, status: 'unpaid', dueDate: '2020-01-01', period: '2019-12' });
    const created = (await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id))).json();
    const before = (await outboxFor(t.app, l.company.contacts[0]!.email!)).length;

    const manager = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.post(`/api/v1/mandates/${created.id}/activate`)).statusCode).toBe(403);
    const res = await finance.post(`/api/v1/mandates/${created.id}/activate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', activatedAt: expect.any(String) });

    const rows = await t.app.db
      .select({ id: invoices.id, mandateId: invoices.mandateId })
      .from(invoices)
      .where(eq(invoices.leaseId, l.office.id));
    expect(rows.find((r) => r.id === future.id)!.mandateId).toBe(created.id);
    expect(rows.find((r) => r.id === past.id)!.mandateId).toBeNull();
    const detail = await loadInvoiceDetail(t.app.db, l.landlord.id, future.id);
    expect(detail!.directDebit).toEqual({ kind: 'betalingsservice', collectionDate: '2099-01-01' });
    expect(detail!.payment).toBeNull();

    const mails = (await outboxFor(t.app, l.company.contacts[0]!.email!)).slice(before);
    expect(mails.map((m) => (m.payload as { template: string; status: string }).status)).toEqual(['active']);
    expect(await mandateEvents(l.landlord.id)).toEqual([
      expect.objectContaining({ status: 'pending', previousStatus: null }),
      expect.objectContaining({ status: 'active', previousStatus: 'pending' }),
    ]);
    expect((await finance.post(`/api/v1/mandates/${created.id}/activate`)).json().error.code).toBe('mandate_not_pending');
    expect(await activeMandateIdOf(t.app.db, l.landlord.id, l.office.id)).toBe(created.id);
    expect(await activeMandateIdOf(t.app.db, l.landlord.id, l.flat.id)).toBeNull();
    expect((await tenant.get('/api/v1/portal/mandates')).json().leases[0].mandate.status).toBe('active');
  });

  it('the tenant cancels: open notices lose the mandate, paid ones keep it, no e-mail; then staff cannot cancel again', async () => {
    const { l, tenant, finance } = await setup('DK');
    const base = { landlordId: l.landlord.id, customerId: l.company.customer.id, leaseId: l.office.id };
    const open = await insertInvoice(t.app.db, { ...base, status: 'unpaid', dueDate: '2099-01-01', period: '2098-12' });
    const created = (await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id))).json();
    await finance.post(`/api/v1/mandates/${created.id}/activate`);
    const paid = await insertInvoice(t.app.db, { ...base, status: 'paid', dueDate: '2099-02-01', period: '2099-01' });
    await t.app.db.update(invoices).set({ mandateId: created.id }).where(eq(invoices.id, paid.id));
    const before = (await outboxFor(t.app, l.company.contacts[0]!.email!)).length;

    const res = await tenant.post(`/api/v1/portal/mandates/${created.id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('cancelled');
    const rows = await t.app.db
      .select({ id: invoices.id, mandateId: invoices.mandateId })
      .from(invoices)
      .where(eq(invoices.leaseId, l.office.id));
    expect(rows.find((r) => r.id === open.id)!.mandateId).toBeNull();
    expect(rows.find((r) => r.id === paid.id)!.mandateId).toBe(created.id);
    expect((await outboxFor(t.app, l.company.contacts[0]!.email!)).length).toBe(before);
    expect((await finance.get(`/api/v1/mandates/${created.id}`)).json()).toMatchObject({ status: 'cancelled', cancelledBy: 'tenant' });
    expect((await finance.post(`/api/v1/mandates/${created.id}/cancel`)).json().error.code).toBe('mandate_not_live');
    expect(await activeMandateIdOf(t.app.db, l.landlord.id, l.office.id)).toBeNull();
    // A new agreement may follow, with the lease's payer number again.
    const next = await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id));
    expect(next.statusCode).toBe(201);
  });

  it('staff cancel and reject; the tenant hears of the cancellation; other landlords and technicians get nothing', async () => {
    const { l, tenant, finance } = await setup('DK');
    const created = (await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id))).json();
    expect((await finance.post(`/api/v1/mandates/${created.id}/cancel`)).json()).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'staff',
    });
    const mails = await outboxFor(t.app, l.company.contacts[0]!.email!);
    expect(mails.at(-1)!.payload).toMatchObject({ template: 'mandate_updated', status: 'cancelled' });
    expect((await tenant.post(`/api/v1/portal/mandates/${created.id}/cancel`)).statusCode).toBe(409);

    const second = (await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id))).json();
    expect((await finance.post(`/api/v1/mandates/${second.id}/reject`)).json().status).toBe('rejected');

    const other = await setup('DK');
    expect((await other.finance.get(`/api/v1/mandates/${second.id}`)).statusCode).toBe(404);
    expect((await other.finance.post(`/api/v1/mandates/${second.id}/activate`)).statusCode).toBe(404);
    expect((await other.tenant.post(`/api/v1/portal/mandates/${second.id}/cancel`)).statusCode).toBe(404);
    const tech = await signIn(t.app, 'staff', l.technician.email);
    expect((await tech.get('/api/v1/mandates')).statusCode).toBe(403);
    const manager = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.get('/api/v1/mandates')).statusCode).toBe(200);
  });

  it('lists by keyset with status, kind and customer filters', async () => {
    const { l, tenant, finance } = await setup('DK');
    const a = (await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id))).json();
    await finance.post(`/api/v1/mandates/${a.id}/reject`);
    const b = (await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id))).json();
    await finance.post(`/api/v1/mandates/${b.id}/cancel`);
    const c = (await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id))).json();
    const page1 = (await finance.get('/api/v1/mandates?limit=2')).json();
    expect(page1.items.map((m: { id: string }) => m.id)).toEqual([c.id, b.id]);
    expect(page1.total).toBe(3);
    const page2 = (await finance.get(`/api/v1/mandates?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((m: { id: string }) => m.id)).toEqual([a.id]);
    expect((await finance.get('/api/v1/mandates?status=rejected')).json().items.map((m: { id: string }) => m.id)).toEqual([a.id]);
    expect((await finance.get('/api/v1/mandates?kind=autogiro')).json().items).toEqual([]);
    expect((await finance.get(`/api/v1/mandates?customerId=${l.household.customer.id}`)).json().items).toEqual([]);
    expect((await finance.get(`/api/v1/mandates?customerId=${l.company.customer.id}`)).json().total).toBe(3);
  });
});

describe('collections', () => {
  it('lists what is due with totals, books each once as a direct-debit payment on the due date', async () => {
    const { l, tenant, finance } = await setup('DK');
    const base = { landlordId: l.landlord.id, customerId: l.company.customer.id, leaseId: l.office.id };
    const march = await insertInvoice(t.app.db, {
      ...base,
      status: 'unpaid',
      dueDate: '2099-03-01',
      period: '2099-03',
      totalMinor: 800_000,
    });
    const april = await insertInvoice(t.app.db, {
      ...base,
      status: 'unpaid',
      dueDate: '2099-04-01',
      period: '2099-04',
      totalMinor: 800_000,
    });
    const created = (await tenant.post('/api/v1/portal/mandates', bsBody(l.office.id))).json();
    await finance.post(`/api/v1/mandates/${created.id}/activate`);

    const list = await finance.get('/api/v1/mandates/collections?dueDate=2099-03-01');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({
      items: [{ invoiceId: march.id, openMinor: 800_000, currency: 'DKK', mandate: { id: created.id } }],
      totals: [{ currency: 'DKK', count: 1, amountMinor: 800_000 }],
      truncated: false,
    });

    const early = await finance.post('/api/v1/mandates/collections', { dueDate: '2099-03-01', invoiceIds: [march.id, april.id] });
    expect([early.statusCode, early.json().error.code]).toEqual([422, 'mandate_collection_not_eligible']);
    const manager = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.post('/api/v1/mandates/collections', { dueDate: '2099-03-01', invoiceIds: [march.id] })).statusCode).toBe(403);

    const res = await finance.post('/api/v1/mandates/collections', { dueDate: '2099-03-01', invoiceIds: [march.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ booked: [{ invoiceId: march.id, amountMinor: 800_000 }], skipped: [] });
    const [payment] = await t.app.db.select().from(payments).where(eq(payments.landlordId, l.landlord.id));
    expect(payment).toMatchObject({
      source: 'direct_debit',
      mandateId: created.id,
      paidOn: '2099-03-01',
      amountMinor: 800_000,
      unallocatedMinor: 0,
    });
    const detail = await loadInvoiceDetail(t.app.db, l.landlord.id, march.id);
    expect(detail).toMatchObject({ status: 'paid', paidAt: '2099-03-01', payments: [{ source: 'direct_debit', amountMinor: 800_000 }] });

    const again = await finance.post('/api/v1/mandates/collections', { dueDate: '2099-03-01', invoiceIds: [march.id] });
    expect(again.json()).toEqual({ booked: [], skipped: [march.id] });
    expect(await t.app.db.select().from(payments).where(eq(payments.landlordId, l.landlord.id))).toHaveLength(1);
    expect((await finance.get('/api/v1/mandates/collections?dueDate=2099-03-01')).json().items).toEqual([]);

    const other = await setup('DK');
    expect((await other.finance.post('/api/v1/mandates/collections', { dueDate: '2099-04-01', invoiceIds: [april.id] })).statusCode).toBe(
      404,
    );
  });
});
