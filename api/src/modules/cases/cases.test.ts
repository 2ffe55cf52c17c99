import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, outboxFor, PASSWORD, PDF, PNG, signIn, type TestLandlord } from '../../../test/helpers';
import { insertPortalUser } from '../../db/fixtures';
import { cases } from '../../db/schema/cases';
import { customers } from '../../db/schema/customers';
import { outbox } from '../../db/schema/outbox';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const FIELDS = {
  siteName: 'Kontoret plan 2',
  street: 'Testgatan 1, plan 2',
  postalCode: '111 11',
  city: 'Stockholm',
  reporterName: 'Rita Reporter',
  reporterPhone: '+46701112233',
  sitePhone1: '+4681234567',
  sitePhone2: '+46709998877',
  masterKeyAllowed: true,
  doorCode: '1234',
  agreementNumber: 'AV-77',
  invoiceMarking: 'KST 4410',
};

async function report(l: TestLandlord, tenant: Client, over: Record<string, unknown> = {}) {
  const res = await tenant.post('/api/v1/portal/cases', {
    title: 'Diskmaskin tömmer inte',
    description: 'Vatten står kvar i botten. Har hund, ring innan.',
    type: 'fault',
    leaseId: l.office.id,
    ...FIELDS,
    ...over,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('reporting (seeds 001, 003)', () => {
  it('numbers the case, routes it to the property manager, confirms by e-mail and keeps every seed-003 field', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const photo = await tenant.upload('/api/v1/portal/uploads', PNG, 'machine.png');
    const created = await report(l, tenant, { attachmentIds: [photo.json().id] });
    expect(created).toMatchObject({
      number: expect.stringMatching(/^\d{4}-00001$/),
      status: 'new',
      assignee: { id: l.manager.id },
      responsibleManager: { id: l.manager.id, email: l.manager.email },
      location: FIELDS,
      reporter: { kind: 'tenant' },
      following: true,
      overdue: false,
      attachments: [{ filename: 'machine.png', contentType: 'image/png' }],
    });
    expect((await report(l, tenant)).number).toMatch(/-00002$/);
    const [confirmation] = await outboxFor(t.app, l.companyUser.email);
    expect(confirmation!.payload).toMatchObject({
      template: 'case_confirmation',
      caseNumber: created.number,
      link: `http://tenant.test/cases/${created.id}`,
    });
    expect((await outboxFor(t.app, l.manager.email))[0]!.payload).toMatchObject({
      template: 'case_staff_update',
      link: `http://admin.test/cases/${created.id}`,
    });
  });

  it('a rule per case type overrides the property manager', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const rules = (await admin.get('/api/v1/settings/case-routing')).json().rules;
    expect(rules).toContainEqual({ caseType: 'service', assigneeId: null });
    const set = await admin.put('/api/v1/settings/case-routing', { rules: [{ caseType: 'service', assigneeId: l.technician.id }] });
    expect(set.json().rules).toContainEqual({ caseType: 'service', assigneeId: l.technician.id });
    const manager = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.put('/api/v1/settings/case-routing', { rules: [] })).statusCode).toBe(403);
    const other = await makeLandlord(t.app);
    expect(
      (await admin.put('/api/v1/settings/case-routing', { rules: [{ caseType: 'fault', assigneeId: other.admin.id }] })).statusCode,
    ).toBe(404);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    expect((await report(l, tenant, { type: 'service' })).assignee.id).toBe(l.technician.id);
    expect((await report(l, tenant, { type: 'fault' })).assignee.id).toBe(l.manager.id);
  });

  it('prefills what the landlord knows', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const prefill = await tenant.get(`/api/v1/portal/cases/prefill?leaseId=${l.office.id}`);
    expect(prefill.json()).toMatchObject({
      siteName: l.company.customer.name,
      street: 'Testgatan 1, plan 2',
      city: 'Stockholm',
      reporterName: l.companyUser.name,
    });
    expect((await tenant.get(`/api/v1/portal/cases/prefill?leaseId=${l.flat.id}`)).statusCode).toBe(404);
  });

  it('refuses another customer’s lease, another landlord’s object and bad input, leaving nothing behind', async () => {
    const l = await makeLandlord(t.app);
    const other = await makeLandlord(t.app);
    const otherStaff = await signIn(t.app, 'staff', other.admin.email);
    const foreignObject = (await otherStaff.post('/api/v1/objects', { number: 'X-1', type: 'Tvättmaskin' })).json();
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const lease = await tenant.post('/api/v1/portal/cases', { title: 'x', description: 'y', leaseId: l.flat.id });
    expect(lease.json().error).toMatchObject({ code: 'not_found', resource: 'lease' });
    const object = await tenant.post('/api/v1/portal/cases', {
      title: 'x',
      description: 'y',
      leaseId: l.office.id,
      objectId: foreignObject.id,
    });
    expect(object.json().error).toMatchObject({ code: 'not_found', resource: 'object' });
    expect((await tenant.post('/api/v1/portal/cases', { title: '', leaseId: 'nope' })).statusCode).toBe(400);
    expect(
      (await tenant.post('/api/v1/portal/cases', { title: 'x', description: 'y', leaseId: l.office.id, type: 'information' })).statusCode,
    ).toBe(400);
    expect(await t.app.db.select().from(cases).where(eq(cases.landlordId, l.landlord.id))).toHaveLength(0);
  });
});

describe('following and working a case', () => {
  it('the whole organisation sees it; internal notes stay internal; updates reach reporter and followers; tenant replies reach the assignee', async () => {
    const l = await makeLandlord(t.app);
    const colleague = await insertPortalUser(
      t.app.db,
      { email: `colleague-${l.landlord.id}@company.test`, name: 'Colleague', password: PASSWORD },
      [{ landlordId: l.landlord.id, customerId: l.company.customer.id, role: 'user' }],
    );
    const reporter = await signIn(t.app, 'portal', l.companyUser.email);
    const created = await report(l, reporter);
    const peer = await signIn(t.app, 'portal', colleague.email);
    expect((await peer.get('/api/v1/portal/cases')).json().items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect((await peer.post(`/api/v1/portal/cases/${created.id}/follow`)).json()).toMatchObject({ following: true, followerCount: 2 });

    const staff = await signIn(t.app, 'staff', l.manager.email);
    const note = await staff.upload('/api/v1/uploads', PDF, 'quote.pdf');
    await staff.post(`/api/v1/cases/${created.id}/replies`, {
      body: 'Supplier quote attached, 4 000 kr',
      internal: true,
      attachmentIds: [note.json().id],
    });
    await staff.post(`/api/v1/cases/${created.id}/replies`, { body: 'A technician comes Tuesday 9–12.' });
    await staff
      .post(`/api/v1/cases/${created.id}/status`, { status: 'waiting_for_tenant', comment: 'Is Tuesday fine?' })
      .then((r) => expect(r.statusCode).toBe(409));
    await staff.post(`/api/v1/cases/${created.id}/status`, { status: 'acknowledged' });
    await staff.post(`/api/v1/cases/${created.id}/status`, { status: 'waiting_for_tenant', comment: 'Is Tuesday fine?' });

    const seen = (await peer.get(`/api/v1/portal/cases/${created.id}`)).json();
    expect(seen.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'public_reply', 'status_changed', 'status_changed']);
    expect(JSON.stringify(seen)).not.toContain('Supplier quote');
    expect((await peer.get(`/api/v1/portal/attachments/${note.json().id}`)).statusCode).toBe(404);
    const staffView = (await staff.get(`/api/v1/cases/${created.id}`)).json();
    expect(staffView.events.find((e: { kind: string }) => e.kind === 'internal_note')).toMatchObject({
      body: 'Supplier quote attached, 4 000 kr',
    });

    for (const who of [l.companyUser.email, colleague.email]) {
      const updates = (await outboxFor(t.app, who)).filter((m) => (m.payload as { template: string }).template === 'case_update');
      expect(updates.map((m) => (m.payload as { status?: string; body?: string }).status ?? 'reply')).toEqual([
        'reply',
        'acknowledged',
        'waiting_for_tenant',
      ]);
    }

    const before = (await outboxFor(t.app, l.manager.email)).length;
    await reporter.post(`/api/v1/portal/cases/${created.id}/replies`, { body: 'Tuesday is fine.' });
    expect((await outboxFor(t.app, l.manager.email)).length).toBe(before + 1);
    expect((await staff.get(`/api/v1/cases/${created.id}`)).json().status).toBe('in_progress');
    expect((await reporter.post(`/api/v1/portal/cases/${created.id}/replies`, { body: 'x', internal: true })).statusCode).toBe(403);
  });

  it('moves through the statuses and refuses impossible moves', async () => {
    const l = await makeLandlord(t.app);
    const created = await report(l, await signIn(t.app, 'portal', l.companyUser.email));
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const move = (status: string) => staff.post(`/api/v1/cases/${created.id}/status`, { status });
    for (const status of ['acknowledged', 'in_progress', 'resolved', 'closed', 'in_progress', 'resolved'])
      expect((await move(status)).json().status).toBe(status);
    const bad = await move('new');
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error).toMatchObject({ code: 'invalid_transition', params: { from: 'resolved', to: 'new' } });
    expect((await move('waiting_for_tenant')).statusCode).toBe(409);
  });

  it('technicians see only their cases; other customers and landlords get 404', async () => {
    const l = await makeLandlord(t.app);
    const created = await report(l, await signIn(t.app, 'portal', l.companyUser.email));
    const tech = await signIn(t.app, 'staff', l.technician.email);
    expect((await tech.get(`/api/v1/cases/${created.id}`)).statusCode).toBe(404);
    expect((await tech.get('/api/v1/cases')).json().total).toBe(0);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    await admin.post(`/api/v1/cases/${created.id}/assign`, { assigneeId: l.technician.id });
    expect((await tech.get(`/api/v1/cases/${created.id}`)).statusCode).toBe(200);
    expect((await tech.post(`/api/v1/cases/${created.id}/assign`, { assigneeId: l.manager.id })).statusCode).toBe(403);

    const household = await insertPortalUser(t.app.db, { email: `hh-${l.landlord.id}@tenant.test`, name: 'HH', password: PASSWORD }, [
      { landlordId: l.landlord.id, customerId: l.household.customer.id, role: 'main_admin' },
    ]);
    const neighbour = await signIn(t.app, 'portal', household.email);
    expect((await neighbour.get(`/api/v1/portal/cases/${created.id}`)).statusCode).toBe(404);
    expect((await neighbour.post(`/api/v1/portal/cases/${created.id}/replies`, { body: 'hi' })).statusCode).toBe(404);
    const other = await makeLandlord(t.app);
    const foreign = await signIn(t.app, 'staff', other.admin.email);
    expect((await foreign.get(`/api/v1/cases/${created.id}`)).statusCode).toBe(404);
    expect((await foreign.post(`/api/v1/cases/${created.id}/status`, { status: 'closed' })).statusCode).toBe(404);
  });
});

describe('work orders (seed 003)', () => {
  it('records what was done with time, cost and files, and a delivery note signed on screen', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const created = await report(l, tenant);
    const staff = await signIn(t.app, 'staff', l.manager.email);
    const photo = await staff.upload('/api/v1/uploads', PNG, 'after.png');
    const order = await staff.post(`/api/v1/cases/${created.id}/work-orders`, {
      description: 'Bytte avloppspump',
      performedAt: '2027-03-02T10:00:00Z',
      minutes: 90,
      materialCostMinor: 125_000,
      attachmentIds: [photo.json().id],
    });
    expect(order.statusCode).toBe(201);
    expect(order.json()).toMatchObject({
      minutes: 90,
      materialCostMinor: 125_000,
      currency: 'SEK',
      performedBy: l.manager.name,
      signature: null,
    });
    const drawing = await staff.upload('/api/v1/uploads', PNG, 'signature.png');
    const signUrl = `/api/v1/cases/${created.id}/work-orders/${order.json().id}/signature`;
    const signed = await staff.post(signUrl, { signedBy: 'Rita Reporter', attachmentId: drawing.json().id, kind: 'drawn' });
    expect(signed.json().signature).toMatchObject({ signedBy: 'Rita Reporter', kind: 'drawn', attachment: { contentType: 'image/png' } });
    const again = await staff.upload('/api/v1/uploads', PDF, 'signed.pdf');
    expect((await staff.post(signUrl, { signedBy: 'X', attachmentId: again.json().id, kind: 'file' })).statusCode).toBe(409);

    const seen = (await tenant.get(`/api/v1/portal/cases/${created.id}`)).json();
    expect(seen.workOrders).toHaveLength(1);
    expect((await tenant.get(`/api/v1/portal/attachments/${seen.workOrders[0].signature.attachment.id}`)).statusCode).toBe(200);
    expect((await tenant.get('/api/v1/portal/cases')).json().items[0].workOrderCount).toBe(1);
  });

  it('a drawn signature must be a PNG', async () => {
    const l = await makeLandlord(t.app);
    const created = await report(l, await signIn(t.app, 'portal', l.companyUser.email));
    const staff = await signIn(t.app, 'staff', l.manager.email);
    const order = (
      await staff.post(`/api/v1/cases/${created.id}/work-orders`, {
        description: 'x',
        performedAt: '2027-03-02T10:00:00Z',
        minutes: 1,
        materialCostMinor: 0,
      })
    ).json();
    const pdf = await staff.upload('/api/v1/uploads', PDF, 'a.pdf');
    const res = await staff.post(`/api/v1/cases/${created.id}/work-orders/${order.id}/signature`, {
      signedBy: 'X',
      attachmentId: pdf.json().id,
      kind: 'drawn',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('equipment objects (seed 003)', () => {
  it('keeps numbers unique per landlord and lets tenants pick objects at their units', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const machine = await staff.post('/api/v1/objects', {
      number: 'OBJ-1001',
      type: 'Diskmaskin',
      make: 'Electrolux',
      model: 'ESF5',
      location: 'Pentry plan 2',
      unitId: l.units[2]!.id,
    });
    expect(machine.statusCode).toBe(201);
    expect((await staff.post('/api/v1/objects', { number: 'OBJ-1001', type: 'Dubblett' })).statusCode).toBe(409);
    await staff.post('/api/v1/objects', { number: 'OBJ-2002', type: 'Tvättmaskin', unitId: l.units[0]!.id });
    const other = await makeLandlord(t.app);
    expect(
      (await (await signIn(t.app, 'staff', other.admin.email)).post('/api/v1/objects', { number: 'OBJ-1001', type: 'Ok' })).statusCode,
    ).toBe(201);

    // Another landlord's unit, or one that does not exist, is refused with 404 — never stored, never a 500.
    const foreignUnit = await staff.post('/api/v1/objects', { number: 'OBJ-3003', type: 'Kyl', unitId: other.units[0]!.id });
    expect(foreignUnit.json().error).toMatchObject({ code: 'not_found', resource: 'unit' });
    expect(
      (await staff.post('/api/v1/objects', { number: 'OBJ-3004', type: 'Kyl', unitId: '00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(404);
    expect((await staff.patch(`/api/v1/objects/${machine.json().id}`, { unitId: other.units[0]!.id })).statusCode).toBe(404);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    expect((await tenant.get('/api/v1/portal/objects')).json().items.map((o: { number: string }) => o.number)).toEqual(['OBJ-1001']);
    const created = await report(l, tenant, { objectId: machine.json().id });
    expect(created.object).toEqual({ id: machine.json().id, number: 'OBJ-1001' });
  });
});

describe('search (seed 003 "Sök ärende")', () => {
  it('filters by status, dates, street, object, invoice marking, agreement and text; current vs historical; sorts and pages', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const object = (await staff.post('/api/v1/objects', { number: 'SRCH-9', type: 'Fläkt', unitId: l.units[2]!.id })).json();
    const a = await report(l, tenant, {
      title: 'Fläkten låter',
      street: 'Storgatan 5',
      invoiceMarking: 'KST 1',
      agreementNumber: 'AV-1',
      objectId: object.id,
    });
    const b = await report(l, tenant, { title: 'Läcker kran', street: 'Lillgatan 2', invoiceMarking: 'KST 2', agreementNumber: 'AV-2' });
    const c = await report(l, tenant, { title: 'Trasig dörr', street: 'Storgatan 7', invoiceMarking: 'KST 1', agreementNumber: 'AV-3' });
    await t.app.db
      .update(cases)
      .set({ createdAt: new Date('2027-01-15T10:00:00Z') })
      .where(eq(cases.id, a.id));
    await t.app.db
      .update(cases)
      .set({ createdAt: new Date('2027-02-15T10:00:00Z') })
      .where(eq(cases.id, b.id));
    await t.app.db
      .update(cases)
      .set({ createdAt: new Date('2027-03-15T10:00:00Z') })
      .where(eq(cases.id, c.id));
    await staff.post(`/api/v1/cases/${b.id}/status`, { status: 'resolved' });

    const ids = async (query: string) => (await tenant.get(`/api/v1/portal/cases?${query}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('sort=created_asc')).toEqual([a.id, b.id, c.id]);
    expect(await ids('scope=current&sort=created_asc')).toEqual([a.id, c.id]);
    expect(await ids('scope=historical')).toEqual([b.id]);
    expect(await ids('status=resolved')).toEqual([b.id]);
    expect(await ids('from=2027-02-01&to=2027-02-28')).toEqual([b.id]);
    expect(await ids('to=2027-01-15')).toEqual([a.id]);
    expect(await ids('street=storgatan&sort=created_asc')).toEqual([a.id, c.id]);
    expect(await ids('objectNumber=SRCH')).toEqual([a.id]);
    expect(await ids('invoiceMarking=KST%201&sort=created_asc')).toEqual([a.id, c.id]);
    expect(await ids('agreementNumber=AV-2')).toEqual([b.id]);
    expect(await ids('q=kran')).toEqual([b.id]);
    expect(await ids('q=100%25')).toEqual([]);
    const first = (await tenant.get('/api/v1/portal/cases?sort=created_asc&limit=2')).json();
    expect(first).toMatchObject({ total: 3, totalCapped: false, items: [{ id: a.id }, { id: b.id }], previousCursor: null });
    const paged = (await tenant.get(`/api/v1/portal/cases?sort=created_asc&limit=2&cursor=${first.nextCursor}`)).json();
    expect(paged).toMatchObject({ total: 3, items: [{ id: c.id }], nextCursor: null });
    expect((await staff.get(`/api/v1/cases?assigneeId=${l.manager.id}`)).json().total).toBe(3);
    expect((await staff.get('/api/v1/cases?status=bogus')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/cases?from=2027-13-01')).statusCode).toBe(400);
  });
});

describe('statistics (seed 003 dashboard)', () => {
  it('matches figures computed by hand, and drills down to the cases behind a bar', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const made: { id: string }[] = [];
    const id = (i: number) => made[i]!.id;
    for (let i = 0; i < 4; i++) made.push(await report(l, tenant, { title: `Case ${i}`, type: i === 3 ? 'service' : 'fault' }));
    // March: cases 0–2, created 08:00; first responses after 1, 2 and 4 hours; resolutions after 10 and 30 hours (case 2 open).
    const at = (h: number) => new Date(Date.parse('2027-03-01T08:00:00Z') + h * 3600_000);
    const set = (i: number, v: Partial<typeof cases.$inferInsert>) =>
      t.app.db
        .update(cases)
        .set(v)
        .where(eq(cases.id, id(i)));
    await set(0, { createdAt: at(0), firstResponseAt: at(1), resolvedAt: at(10), status: 'resolved' });
    await set(1, { createdAt: at(0), firstResponseAt: at(2), resolvedAt: at(30), status: 'closed' });
    await set(2, { createdAt: at(0), firstResponseAt: at(4) });
    await set(3, { createdAt: new Date('2027-04-10T08:00:00Z') });
    await staff.post(`/api/v1/cases/${id(0)}/work-orders`, {
      description: 'a',
      performedAt: '2027-03-01T12:00:00Z',
      minutes: 30,
      materialCostMinor: 10_000,
    });
    await staff.post(`/api/v1/cases/${id(0)}/work-orders`, {
      description: 'b',
      performedAt: '2027-03-01T13:00:00Z',
      minutes: 30,
      materialCostMinor: 5_000,
    });
    await staff.post(`/api/v1/cases/${id(1)}/work-orders`, {
      description: 'c',
      performedAt: '2027-03-02T13:00:00Z',
      minutes: 30,
      materialCostMinor: 20_000,
    });

    const byMonth = (await staff.get('/api/v1/cases/stats?groupBy=month')).json();
    expect(byMonth.rows).toEqual([
      {
        key: '2027-03',
        label: '2027-03',
        cases: 3,
        workOrders: 3,
        costMinor: 35_000,
        firstResponseMedianHours: 2,
        firstResponseP90Hours: 3.6, // 2 + 0.8 × (4 − 2)
        resolutionMedianHours: 20,
        resolutionP90Hours: 28, // 10 + 0.9 × (30 − 10)
      },
      {
        key: '2027-04',
        label: '2027-04',
        cases: 1,
        workOrders: 0,
        costMinor: 0,
        firstResponseMedianHours: null,
        firstResponseP90Hours: null,
        resolutionMedianHours: null,
        resolutionP90Hours: null,
      },
    ]);
    expect(byMonth.totals).toMatchObject({ cases: 4, workOrders: 3, costMinor: 35_000 });
    const byType = (await staff.get('/api/v1/cases/stats?groupBy=type')).json();
    expect(byType.rows.map((r: { key: string; cases: number }) => [r.key, r.cases])).toEqual([
      ['fault', 3],
      ['service', 1],
    ]);
    const byProperty = (await staff.get('/api/v1/cases/stats?groupBy=property')).json();
    expect(byProperty.rows).toEqual([expect.objectContaining({ key: l.property.id, label: 'Testgatan 1', cases: 4 })]);
    const drill = (await staff.get('/api/v1/cases?month=2027-03&sort=created_asc')).json();
    expect(drill.items.map((x: { id: string }) => x.id).sort()).toEqual([id(0), id(1), id(2)].sort());

    // A tenant's main administrator sees the same over their own cases; a plain user does not.
    expect((await tenant.get('/api/v1/portal/cases/stats?groupBy=status')).json().totals.cases).toBe(4);
    const user = await insertPortalUser(t.app.db, { email: `plain-${l.landlord.id}@company.test`, name: 'Plain', password: PASSWORD }, [
      { landlordId: l.landlord.id, customerId: l.company.customer.id, role: 'user' },
    ]);
    expect((await (await signIn(t.app, 'portal', user.email)).get('/api/v1/portal/cases/stats')).statusCode).toBe(403);
  });
});

describe('related cases (seed 001)', () => {
  it('informs every customer of a property by e-mail and SMS, visible to each of them with per-recipient delivery', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.manager.email);
    await t.app.db.update(customers).set({ phone: '+46700000001' }).where(eq(customers.id, l.company.customer.id));
    const res = await staff.post('/api/v1/cases/related', {
      propertyId: l.property.id,
      title: 'Vattenläcka',
      description: 'Vattnet stängs av 10–12.',
      sms: true,
    });
    expect(res.statusCode).toBe(201);
    const related = res.json();
    expect(related).toMatchObject({ type: 'information', customer: null });
    expect(related.recipients.map((r: { customerName: string }) => r.customerName).sort()).toEqual(
      [l.company.customer.name, l.household.customer.name].sort(),
    );
    expect(related.recipients.find((r: { customerId: string }) => r.customerId === l.company.customer.id)).toMatchObject({
      email: 'queued',
      sms: 'queued',
    });
    expect(related.recipients.find((r: { customerId: string }) => r.customerId === l.household.customer.id)).toMatchObject({ sms: 'none' });
    const rows = await t.app.db.select().from(outbox).where(eq(outbox.caseId, related.id));
    expect(rows.filter((r) => r.channel === 'sms')).toHaveLength(1);
    expect(
      rows
        .filter((r) => r.channel === 'email')
        .map((r) => (r.payload as { to: string }).to)
        .sort(),
    ).toEqual(
      [...l.company.contacts, ...l.household.contacts]
        .map((c) => c.email)
        .filter(Boolean)
        .sort(),
    );
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    expect((await tenant.get('/api/v1/portal/cases')).json().items.map((c: { id: string }) => c.id)).toContain(related.id);
    // Tenants see the information, not who else it went to.
    expect((await tenant.get(`/api/v1/portal/cases/${related.id}`)).json().recipients).toBeNull();
    const neither = await staff.post('/api/v1/cases/related', { title: 'x', description: 'y' });
    expect(neither.statusCode).toBe(400);
    const otherLandlord = await makeLandlord(t.app);
    expect(
      (await staff.post('/api/v1/cases/related', { propertyId: otherLandlord.property.id, title: 'x', description: 'y' })).statusCode,
    ).toBe(404);
    expect(
      await t.app.db
        .select()
        .from(cases)
        .where(inArray(cases.landlordId, [otherLandlord.landlord.id])),
    ).toHaveLength(0);
  });
});
