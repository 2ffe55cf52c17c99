import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, PASSWORD, signIn } from '../../../test/helpers';
import { insertInvoice, insertPortalUser, insertStaff } from '../../db/fixtures';
import { invoices, paymentAllocations, paymentImports, payments } from '../../db/schema/invoices';
import { landlords } from '../../db/schema/landlords';
import { events } from '../../db/schema/webhooks';
import { type BgmaxSpec, buildBgmax } from './bgmax-fixture';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const BANKGIRO = '991-2346';
let serialSeq = Date.now() % 1_000_000_000;
const serial = () => ++serialSeq;

async function setup() {
  const l = await makeLandlord(t.app);
  await t.app.db
    .update(landlords)
    .set({ paymentAccounts: { bankgiro: BANKGIRO } })
    .where(eq(landlords.id, l.landlord.id));
  const finance = await insertStaff(t.app.db, {
    landlordId: l.landlord.id,
    email: `finance-${l.landlord.id.slice(0, 8)}@staff.test`,
    name: 'Finance',
    role: 'finance',
    password: PASSWORD,
  });
  const notice = (customer: 'company' | 'household', totalMinor: number) =>
    insertInvoice(t.app.db, {
      landlordId: l.landlord.id,
      customerId: customer === 'company' ? l.company.customer.id : l.household.customer.id,
      leaseId: customer === 'company' ? l.office.id : l.flat.id,
      status: 'unpaid',
      totalMinor,
    });
  return { l, finance, client: await signIn(t.app, 'staff', finance.email), notice };
}

const file = (payments: BgmaxSpec['deposits'][number]['payments'], more: Partial<BgmaxSpec> = {}) =>
  Buffer.from(buildBgmax({ payeeBankgiro: BANKGIRO, deposits: [{ date: '2027-03-01', payments }], ...more }), 'latin1');

async function counts(landlordId: string) {
  const [p] = await t.app.db.select({ n: sql<number>`count(*)::int` }).from(payments).where(eq(payments.landlordId, landlordId));
  const [i] = await t.app.db
    .select({ n: sql<number>`count(*)::int` })
    .from(paymentImports)
    .where(eq(paymentImports.landlordId, landlordId));
  const [a] = await t.app.db
    .select({ n: sql<number>`count(*)::int` })
    .from(paymentAllocations)
    .where(eq(paymentAllocations.landlordId, landlordId));
  const [e] = await t.app.db
    .select({ n: sql<number>`count(*)::int` })
    .from(events)
    .where(and(eq(events.landlordId, landlordId), eq(events.type, 'payment.received')));
  return { payments: p!.n, imports: i!.n, allocations: a!.n, events: e!.n };
}

const invoiceRow = async (id: string) => (await t.app.db.select().from(invoices).where(eq(invoices.id, id)))[0]!;

describe('BgMax import', () => {
  it('matches exact, partial and over payments by OCR and queues the rest, in one import', async () => {
    const { l, client, notice } = await setup();
    const exact = await notice('company', 1_000_000);
    const partial = await notice('company', 800_000);
    const over = await notice('household', 500_000);
    const upload = file([
      { reference: exact.reference!, amountMinor: 1_000_000, serial: serial(), name: 'Company AB' },
      { reference: partial.reference!, amountMinor: 300_000, serial: serial(), rightAlign: true },
      { reference: over.reference!, amountMinor: 650_000, serial: serial() },
      { reference: 'HYRA MARS', code: 4, amountMinor: 12_300, serial: serial(), name: 'Okänd Betalare', information: ['Lgh 1104'] },
      { reference: '9999999999', amountMinor: 45_600, serial: serial() },
    ]);
    const res = await client.upload('/api/v1/payments/imports', upload, 'bgmax.txt', 'text/plain');
    expect(res.statusCode).toBe(201);
    const summary = res.json();
    expect(summary).toMatchObject({
      fileCreatedAt: '2027-03-01 06:15:00',
      depositSerials: ['00001'],
      payeeAccount: BANKGIRO,
      paymentCount: 5,
      totalMinor: 2_007_900,
      currency: 'SEK',
      tally: {
        matched: { count: 1, totalMinor: 1_000_000 },
        partial: { count: 1, totalMinor: 300_000 },
        over: { count: 1, totalMinor: 650_000 },
        unmatched: { count: 2, totalMinor: 57_900 },
        deductions: { count: 0, totalMinor: 0 },
      },
    });
    expect((await invoiceRow(exact.id)).status).toBe('paid');
    expect((await invoiceRow(exact.id)).paidAt).toBe('2027-03-01');
    expect(await invoiceRow(partial.id)).toMatchObject({ status: 'partly_paid', paidMinor: 300_000 });
    expect(await invoiceRow(over.id)).toMatchObject({ status: 'paid', paidMinor: 500_000 });

    const rows = await t.app.db.select().from(payments).where(eq(payments.importId, summary.id));
    const byRef = Object.fromEntries(rows.map((r) => [r.reference, r]));
    expect(byRef[over.reference!]).toMatchObject({ customerId: l.household.customer.id, unallocatedMinor: 150_000 });
    expect(byRef['HYRA MARS']).toMatchObject({ customerId: null, payerName: 'Okänd Betalare', note: 'Lgh 1104' });
    expect(byRef['9999999999']!.customerId).toBeNull();
    expect(rows.every((r) => r.bankSerial && r.source === 'bgmax')).toBe(true);
    expect((await counts(l.landlord.id)).events).toBe(5);

    const list = (await client.get(`/api/v1/payments/imports`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([summary.id]);
    expect((await client.get(`/api/v1/payments/imports/${summary.id}`)).json()).toEqual(summary);
  });

  it('takes the raw file as the body too (integrators), Latin-1 with LF', async () => {
    const { client, notice } = await setup();
    const n = await notice('company', 100_000);
    const body = Buffer.from(
      buildBgmax({
        payeeBankgiro: BANKGIRO,
        eol: '\n',
        deposits: [
          { date: '2027-03-02', payments: [{ reference: n.reference!, amountMinor: 100_000, serial: serial(), name: 'Kalles Plåt AB' }] },
        ],
      }),
      'latin1',
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/imports',
      payload: body,
      headers: client.headers({ 'content-type': 'text/plain; charset=iso-8859-1' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().tally.matched.count).toBe(1);
    const [row] = await t.app.db.select().from(payments).where(eq(payments.importId, res.json().id));
    expect(row!.payerName).toBe('Kalles Plåt AB');
  });

  it('refuses the same file twice, naming its date and deposit number, and a re-sent payment', async () => {
    const { l, client, notice } = await setup();
    const n = await notice('company', 100_000);
    const one = { reference: n.reference!, amountMinor: 40_000, serial: serial() };
    const spec = { stamp: '20270303101010123456', deposits: [{ date: '2027-03-03', serial: 42, payments: [one] }] };
    const first = file([], { ...spec });
    expect((await client.upload('/api/v1/payments/imports', first, 'a.txt')).statusCode).toBe(201);
    const before = await counts(l.landlord.id);
    const again = await client.upload('/api/v1/payments/imports', first, 'a.txt');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'payment_import_duplicate',
      params: { fileDate: '2027-03-03 10:10:10', sequence: '00042' },
    });
    expect(again.json().error.message).toContain('2027-03-03 10:10:10');
    // The same file with other line ends: other bytes, the same payee and stamp.
    const lf = Buffer.from(buildBgmax({ payeeBankgiro: BANKGIRO, ...spec, eol: '\n' }), 'latin1');
    expect((await client.upload('/api/v1/payments/imports', lf, 'a.txt')).json().error.code).toBe('payment_import_duplicate');
    // Another file that carries an already booked payment.
    const resent = file([{ reference: 'X', code: 4, amountMinor: 1, serial: serial() }, one], { stamp: '20270304101010000000' });
    const res = await client.upload('/api/v1/payments/imports', resent, 'b.txt');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'payment_import_serial_booked', params: { line: 4 } });
    expect(await counts(l.landlord.id)).toEqual(before);
    expect((await invoiceRow(n.id)).paidMinor).toBe(40_000);
  });

  it('books one of two simultaneous uploads of the same file and refuses the other', async () => {
    const { l, client, notice } = await setup();
    const n = await notice('company', 100_000);
    const upload = file([{ reference: n.reference!, amountMinor: 100_000, serial: serial() }], { stamp: '20270305101010000000' });
    const answers = await Promise.all([
      client.upload('/api/v1/payments/imports', upload, 'a.txt'),
      client.upload('/api/v1/payments/imports', upload, 'a.txt'),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('payment_import_duplicate');
    expect(await counts(l.landlord.id)).toMatchObject({ imports: 1, payments: 1, allocations: 1 });
    expect((await invoiceRow(n.id)).paidMinor).toBe(100_000);
  });

  it('refuses a foreign bankgiro, bad totals and counts and test files, writing nothing', async () => {
    const { l, client, notice } = await setup();
    const n = await notice('company', 100_000);
    const good = () => [{ reference: n.reference!, amountMinor: 50_000, serial: serial() }];
    const before = await counts(l.landlord.id);

    const foreign = await client.upload('/api/v1/payments/imports', file(good(), { payeeBankgiro: '5402-9681' }), 'f.txt');
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error).toMatchObject({ code: 'bgmax_foreign_bankgiro', params: { line: 2, bankgiro: '5402-9681' } });

    const text = file(good()).toString('latin1').split('\r\n');
    const total = text
      .map((line) => (line.startsWith('15') ? `${line.slice(0, 50)}${'9'.repeat(18)}${line.slice(68)}` : line))
      .join('\r\n');
    const badTotal = await client.upload('/api/v1/payments/imports', Buffer.from(total, 'latin1'), 'x.txt');
    expect(badTotal.statusCode).toBe(422);
    expect(badTotal.json().error).toMatchObject({ code: 'bgmax_deposit_total', params: { line: 4 } });

    const count = file(good())
      .toString('latin1')
      .replace(/^70(\d{8})/m, '7000000009');
    const badCount = await client.upload('/api/v1/payments/imports', Buffer.from(count, 'latin1'), 'x.txt');
    expect(badCount.json().error).toMatchObject({ code: 'bgmax_record_count', params: { line: 5, expected: 9, actual: 1 } });

    const testFile = await client.upload('/api/v1/payments/imports', file(good(), { test: true }), 'x.txt');
    expect(testFile.json().error.code).toBe('bgmax_test_file');

    const notBgmax = await client.upload('/api/v1/payments/imports', Buffer.from('date;amount\n'), 'x.csv');
    expect(notBgmax.json().error).toMatchObject({ code: 'bgmax_not_bgmax', params: { line: 1 } });

    expect(await counts(l.landlord.id)).toEqual(before);
    expect((await invoiceRow(n.id)).paidMinor).toBe(0);
    expect((await client.post('/api/v1/payments/imports', {})).statusCode).toBe(400);
  });

  it('rolls every payment back when one of them cannot be booked', async () => {
    const { l, client, notice } = await setup();
    const n = await notice('company', 100_000);
    const before = await counts(l.landlord.id);
    // The database refuses the third payment (a trigger for this test's landlord only), after the
    // first was booked onto the notice and the second queued.
    const fn = `pay_test_fail_${l.landlord.id.replace(/-/g, '')}`;
    await t.app.db.execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
        if new.landlord_id = '${l.landlord.id}' and new.amount_minor = 4242 then raise exception 'refused'; end if;
        return new; end $$`),
    );
    await t.app.db.execute(sql.raw(`create trigger ${fn} before insert on payments for each row execute function ${fn}()`));
    try {
      const res = await client.upload(
        '/api/v1/payments/imports',
        file([
          { reference: n.reference!, amountMinor: 100_000, serial: serial() },
          { reference: 'X', code: 4, amountMinor: 5, serial: serial() },
          { reference: 'Y', code: 4, amountMinor: 4242, serial: serial() },
        ]),
        'x.txt',
      );
      expect(res.statusCode).toBe(500);
    } finally {
      await t.app.db.execute(sql.raw(`drop trigger ${fn} on payments; drop function ${fn}()`));
    }
    expect(await counts(l.landlord.id)).toEqual(before);
    expect(await invoiceRow(n.id)).toMatchObject({ status: 'unpaid', paidMinor: 0 });
  });

  it('queues deductions (TK21) with a negative amount', async () => {
    const { client, notice } = await setup();
    const n = await notice('company', 100_000);
    const res = await client.upload(
      '/api/v1/payments/imports',
      file([
        { reference: n.reference!, amountMinor: 100_000, serial: serial() },
        { reference: n.reference!, amountMinor: 20_000, serial: serial(), deduction: true },
      ]),
      'x.txt',
    );
    expect(res.json().tally.deductions).toEqual({ count: 1, totalMinor: 20_000 });
    const rows = await t.app.db.select().from(payments).where(eq(payments.importId, res.json().id));
    expect(rows.find((r) => r.amountMinor < 0)).toMatchObject({ amountMinor: -20_000, customerId: null });
  });
});

describe('unmatched queue, assignment and credit', () => {
  async function queued(s: Awaited<ReturnType<typeof setup>>, amounts: number[]) {
    const res = await s.client.upload(
      '/api/v1/payments/imports',
      file(
        amounts.map((amountMinor) => ({ reference: 'okänd', code: 4, amountMinor, serial: serial() })),
        { stamp: `20270301${String(serial()).padStart(12, '0')}` },
      ),
      'q.txt',
    );
    expect(res.statusCode).toBe(201);
    const queue = (await s.client.get('/api/v1/payments/unmatched?limit=100')).json();
    const items = queue.items as { id: string; amountMinor: number; state: string }[];
    // One day's payments: in the queue by id; answered here in the order asked for.
    return amounts.map((a) => items.find((i) => i.amountMinor === a)!);
  }

  it('lists the queue oldest first, and assigns to a notice: never more than is open, the rest credit', async () => {
    const s = await setup();
    const n = await s.notice('company', 100_000);
    const [first, second] = await queued(s, [70_000, 50_000]);
    const older = await s.client.post('/api/v1/payments', { amountMinor: 1, paidOn: '2027-01-15' });
    expect((await s.client.get('/api/v1/payments/unmatched')).json().items[0].id).toBe(older.json().id);
    await s.client.post(`/api/v1/payments/${older.json().id}/assign`, { customerId: s.l.household.customer.id });
    expect([first!.state, second!.state]).toEqual(['unmatched', 'unmatched']);

    const one = await s.client.post(`/api/v1/payments/${first!.id}/assign`, { invoiceId: n.id });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      state: 'allocated',
      unallocatedMinor: 0,
      customer: { id: s.l.company.customer.id },
      allocations: [{ invoiceId: n.id, invoiceNumber: n.number, amountMinor: 70_000 }],
    });
    const two = (await s.client.post(`/api/v1/payments/${second!.id}/assign`, { invoiceId: n.id })).json();
    expect(two).toMatchObject({ state: 'credit', unallocatedMinor: 20_000, allocations: [{ amountMinor: 30_000 }] });
    expect(await invoiceRow(n.id)).toMatchObject({ status: 'paid', paidMinor: 100_000 });
    expect((await s.client.post(`/api/v1/payments/${second!.id}/assign`, { invoiceId: n.id })).json().error.code).toBe(
      'payment_already_assigned',
    );
    expect((await s.client.get('/api/v1/payments/unmatched')).json().items).toEqual([]);

    const [assigned] = await t.app.db
      .select({ data: events.data })
      .from(events)
      .where(
        and(eq(events.landlordId, s.l.landlord.id), eq(events.type, 'payment.received'), sql`${events.data}->>'paymentId' = ${second!.id}`),
      )
      .orderBy(sql`${events.createdAt} desc`)
      .limit(1);
    expect(assigned!.data).toMatchObject({ customerId: s.l.company.customer.id, allocations: [{ invoiceId: n.id, amountMinor: 30_000 }] });
  });

  it('assigns to a customer as credit, and allocates that credit to the customer\u2019s open notice only', async () => {
    const s = await setup();
    const [p] = await queued(s, [60_000]);
    const res = await s.client.post(`/api/v1/payments/${p!.id}/assign`, { customerId: s.l.company.customer.id, note: 'Phoned' });
    expect(res.json()).toMatchObject({ state: 'credit', unallocatedMinor: 60_000, note: 'Phoned', allocations: [] });

    const other = await s.notice('household', 10_000);
    expect((await s.client.post(`/api/v1/payments/${p!.id}/allocate`, { invoiceId: other.id })).json().error.code).toBe(
      'payment_other_customer',
    );
    const own = await s.notice('company', 25_000);
    const used = await s.client.post(`/api/v1/payments/${p!.id}/allocate`, { invoiceId: own.id });
    expect(used.json()).toMatchObject({ unallocatedMinor: 35_000, allocations: [{ invoiceId: own.id, amountMinor: 25_000 }] });
    expect((await invoiceRow(own.id)).status).toBe('paid');
    expect((await s.client.post(`/api/v1/payments/${p!.id}/allocate`, { invoiceId: own.id })).json().error.code).toBe(
      'payment_invoice_settled',
    );
    const big = await s.notice('company', 100_000);
    expect((await s.client.post(`/api/v1/payments/${p!.id}/allocate`, { invoiceId: big.id })).json().unallocatedMinor).toBe(0);
    expect(await invoiceRow(big.id)).toMatchObject({ status: 'partly_paid', paidMinor: 35_000 });
    expect((await s.client.post(`/api/v1/payments/${p!.id}/allocate`, { invoiceId: big.id })).json().error.code).toBe('payment_no_credit');

    const [q] = await queued(s, [1_000]);
    expect((await s.client.post(`/api/v1/payments/${q!.id}/allocate`, { invoiceId: big.id })).json().error.code).toBe('payment_unmatched');
    expect(
      (await s.client.post(`/api/v1/payments/${q!.id}/assign`, { invoiceId: big.id, customerId: s.l.company.customer.id })).statusCode,
    ).toBe(400);
  });
});

describe('manual registration, lists and export', () => {
  it('registers to a notice, a customer or neither; lists with each filter; exports CSV', async () => {
    const s = await setup();
    const n = await s.notice('company', 100_000);
    const toNotice = await s.client.post('/api/v1/payments', {
      amountMinor: 120_000,
      paidOn: '2027-02-10',
      invoiceId: n.id,
      reference: 'Swish',
    });
    expect(toNotice.statusCode).toBe(201);
    expect(toNotice.json()).toMatchObject({
      source: 'manual',
      state: 'credit',
      unallocatedMinor: 20_000,
      currency: 'SEK',
      customer: { id: s.l.company.customer.id },
      allocations: [{ amountMinor: 100_000 }],
    });
    const toCustomer = await s.client.post('/api/v1/payments', {
      amountMinor: 5_000,
      paidOn: '2027-02-11',
      customerId: s.l.household.customer.id,
    });
    expect(toCustomer.json()).toMatchObject({ state: 'credit', customer: { id: s.l.household.customer.id } });
    const toQueue = await s.client.post('/api/v1/payments', { amountMinor: 7_000, paidOn: '2027-02-12', note: 'Cash at the office' });
    expect(toQueue.json().state).toBe('unmatched');
    expect((await s.client.post('/api/v1/payments', { amountMinor: 0, paidOn: '2027-02-12' })).statusCode).toBe(400);
    const credit = await insertInvoice(t.app.db, {
      landlordId: s.l.landlord.id,
      customerId: s.l.company.customer.id,
      leaseId: s.l.office.id,
      status: 'unpaid',
      kind: 'credit_note',
      totalMinor: -1000,
      reference: null,
    });
    expect(
      (await s.client.post('/api/v1/payments', { amountMinor: 1, paidOn: '2027-02-12', invoiceId: credit.id })).json().error.code,
    ).toBe('payment_invoice_not_payable');
    const imp = await s.client.upload(
      '/api/v1/payments/imports',
      file([{ reference: 'x', code: 4, amountMinor: 3_000, serial: serial() }]),
      'a.txt',
    );

    const ids = async (query: string) => (await s.client.get(`/api/v1/payments?${query}`)).json().items.map((i: { id: string }) => i.id);
    const importedId = (await ids(`importId=${imp.json().id}`))[0];
    expect(await ids('')).toEqual([importedId, toQueue.json().id, toCustomer.json().id, toNotice.json().id]);
    expect(await ids(`customerId=${s.l.company.customer.id}`)).toEqual([toNotice.json().id]);
    expect(await ids('source=manual&from=2027-02-11&to=2027-02-12')).toEqual([toQueue.json().id, toCustomer.json().id]);
    expect(await ids('matched=unmatched')).toEqual([importedId, toQueue.json().id]);
    expect(await ids('matched=matched')).toEqual([toCustomer.json().id, toNotice.json().id]);
    const page = (await s.client.get('/api/v1/payments?limit=3')).json();
    expect(page.total).toBe(4);
    const next = (await s.client.get(`/api/v1/payments?limit=3&cursor=${page.nextCursor}`)).json();
    expect(next.items.map((i: { id: string }) => i.id)).toEqual([toNotice.json().id]);

    const found = (await s.client.get(`/api/v1/payments/payable-invoices?q=${encodeURIComponent(` ${n.reference} `)}`)).json();
    expect(found.items).toEqual([
      expect.objectContaining({ id: n.id, openMinor: 0, customer: { id: s.l.company.customer.id, name: expect.any(String) } }),
    ]);
    expect((await s.client.get(`/api/v1/payments/payable-invoices?q=${n.seq}`)).json().items.map((i: { id: string }) => i.id)).toEqual([
      n.id,
    ]);
    expect((await s.client.get(`/api/v1/payments/payable-invoices?q=${credit.seq}`)).json().items).toEqual([]);

    const detail = (await s.client.get(`/api/v1/payments/${toNotice.json().id}`)).json();
    expect(detail.allocations).toEqual([expect.objectContaining({ invoiceId: n.id, invoiceNumber: n.number, amountMinor: 100_000 })]);

    const csv = await s.client.get('/api/v1/payments/export.csv?source=manual');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFpaid_on;amount;unallocated;currency;source;state;customer;customer_id;reference;payer_name;payer_account;bank_serial;invoices;payment_id',
    );
    expect(lines).toHaveLength(5);
    expect(lines[3]).toContain(`2027-02-10;1200,00;200,00;SEK;manual;credit;`);
    expect(lines[3]).toContain(`${n.number}:1000,00`);
  });
});

describe('who may', () => {
  it('finance and admins write, managers read, technicians nothing, another landlord sees nothing', async () => {
    const s = await setup();
    const n = await s.notice('company', 10_000);
    const created = (await s.client.post('/api/v1/payments', { amountMinor: 100, paidOn: '2027-02-10' })).json();
    const manager = await signIn(t.app, 'staff', s.l.manager.email);
    expect((await manager.get('/api/v1/payments')).statusCode).toBe(200);
    expect((await manager.get(`/api/v1/payments/${created.id}`)).statusCode).toBe(200);
    expect((await manager.get('/api/v1/payments/unmatched')).statusCode).toBe(200);
    expect((await manager.get('/api/v1/payments/export.csv')).statusCode).toBe(200);
    expect((await manager.post('/api/v1/payments', { amountMinor: 100, paidOn: '2027-02-10' })).statusCode).toBe(403);
    expect((await manager.post(`/api/v1/payments/${created.id}/assign`, { invoiceId: n.id })).statusCode).toBe(403);
    expect((await manager.upload('/api/v1/payments/imports', file([]), 'x.txt')).statusCode).toBe(403);
    const technician = await signIn(t.app, 'staff', s.l.technician.email);
    for (const url of ['/api/v1/payments', '/api/v1/payments/unmatched', '/api/v1/payments/imports', '/api/v1/payments/export.csv'])
      expect((await technician.get(url)).statusCode).toBe(403);
    const admin = await signIn(t.app, 'staff', s.l.admin.email);
    expect((await admin.post(`/api/v1/payments/${created.id}/assign`, { invoiceId: n.id })).statusCode).toBe(200);

    const other = await setup();
    expect((await other.client.get(`/api/v1/payments/${created.id}`)).statusCode).toBe(404);
    expect((await other.client.post(`/api/v1/payments/${created.id}/allocate`, { invoiceId: n.id })).statusCode).toBe(404);
    expect((await other.client.post('/api/v1/payments', { amountMinor: 1, paidOn: '2027-02-10', invoiceId: n.id })).statusCode).toBe(404);
    expect(
      (await other.client.post('/api/v1/payments', { amountMinor: 1, paidOn: '2027-02-10', customerId: s.l.company.customer.id }))
        .statusCode,
    ).toBe(404);
    const [p] = (await other.client.get('/api/v1/payments')).json().items;
    expect(p).toBeUndefined();
  });
});

describe('portal payments', () => {
  it('shows the main administrator their own customer\u2019s payments with the notices they paid', async () => {
    const s = await setup();
    const n = await s.notice('company', 100_000);
    await s.client.post('/api/v1/payments', { amountMinor: 100_000, paidOn: '2027-02-10', invoiceId: n.id });
    await s.client.post('/api/v1/payments', { amountMinor: 9_000, paidOn: '2027-02-11', customerId: s.l.household.customer.id });
    await s.client.post('/api/v1/payments', { amountMinor: 7_000, paidOn: '2027-02-12' });
    const tenant = await signIn(t.app, 'portal', s.l.companyUser.email);
    const res = await tenant.get('/api/v1/portal/payments');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        paidOn: '2027-02-10',
        amountMinor: 100_000,
        unallocatedMinor: 0,
        invoices: [{ id: n.id, number: n.number, amountMinor: 100_000 }],
      }),
    ]);

    const user = await insertPortalUser(t.app.db, { email: `user-${n.id.slice(0, 8)}@company.test`, name: 'User', password: PASSWORD }, [
      { landlordId: s.l.landlord.id, customerId: s.l.company.customer.id, role: 'user' },
    ]);
    expect((await (await signIn(t.app, 'portal', user.email)).get('/api/v1/portal/payments')).statusCode).toBe(403);
    await t.app.db.update(landlords).set({ invoicesRequireStrongAuth: true }).where(eq(landlords.id, s.l.landlord.id));
    const fresh = await signIn(t.app, 'portal', s.l.companyUser.email);
    expect((await fresh.get('/api/v1/portal/payments')).json().error.code).toBe('strong_auth_required');
  });
});
