import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, outboxFor, PASSWORD, signIn, type TestLandlord } from '../../../test/helpers';
import { insertPortalUser } from '../../db/fixtures';
import { cases } from '../../db/schema/cases';
import { customerContacts, customers } from '../../db/schema/customers';
import { outbox } from '../../db/schema/outbox';

// Rules of decisions 20–23 that no other test pins down: each assertion goes red if its rule breaks.

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function report(l: TestLandlord) {
  const tenant = await signIn(t.app, 'portal', l.companyUser.email);
  const res = await tenant.post('/api/v1/portal/cases', {
    title: 'Fönstret går inte att stänga',
    description: 'Handtaget sitter fast.',
    type: 'fault',
    leaseId: l.office.id,
    masterKeyAllowed: false,
  });
  expect(res.statusCode).toBe(201);
  return { tenant, created: res.json() as { id: string } };
}

async function colleagueOf(l: TestLandlord, name: string) {
  const user = await insertPortalUser(t.app.db, { email: `${name}-${l.landlord.id}@company.test`, name, password: PASSWORD }, [
    { landlordId: l.landlord.id, customerId: l.company.customer.id, role: 'user' },
  ]);
  return { user, client: await signIn(t.app, 'portal', user.email) };
}

const caseUpdates = async (email: string) =>
  (await outboxFor(t.app, email)).filter((m) => (m.payload as { template: string }).template === 'case_update');

const caseRow = async (id: string) => (await t.app.db.select().from(cases).where(eq(cases.id, id)))[0]!;

describe('who is e-mailed about a case (decision 22)', () => {
  it('a follower who turned case e-mails off gets none; one who did not gets each update', async () => {
    const l = await makeLandlord(t.app);
    const { created } = await report(l);
    const quiet = await colleagueOf(l, 'quiet');
    const keen = await colleagueOf(l, 'keen');
    for (const c of [quiet.client, keen.client]) await c.post(`/api/v1/portal/cases/${created.id}/follow`);
    const prefs = (await quiet.client.get('/api/v1/auth/portal/preferences')).json();
    const off = await quiet.client.put('/api/v1/auth/portal/preferences', { ...prefs, cases: { ...prefs.cases, email: false } });
    expect(off.statusCode).toBe(200);

    const staff = await signIn(t.app, 'staff', l.manager.email);
    await staff.post(`/api/v1/cases/${created.id}/replies`, { body: 'Vi kommer i morgon.' });
    await staff.post(`/api/v1/cases/${created.id}/status`, { status: 'acknowledged' });

    expect(await caseUpdates(quiet.user.email)).toHaveLength(0);
    expect(await caseUpdates(keen.user.email)).toHaveLength(2);
    expect(await caseUpdates(l.companyUser.email)).toHaveLength(2);
  });

  it('a tenant is not e-mailed about their own reply, while the other followers are', async () => {
    const l = await makeLandlord(t.app);
    const { tenant, created } = await report(l);
    const peer = await colleagueOf(l, 'peer');
    await peer.client.post(`/api/v1/portal/cases/${created.id}/follow`);

    const replied = await tenant.post(`/api/v1/portal/cases/${created.id}/replies`, { body: 'Det gäller även fönstret bredvid.' });
    expect(replied.statusCode, replied.body).toBe(201);
    expect(await caseUpdates(l.companyUser.email)).toHaveLength(0);
    expect((await caseUpdates(peer.user.email)).map((m) => (m.payload as { body?: string }).body)).toEqual([
      'Det gäller även fönstret bredvid.',
    ]);
  });
});

describe('case timestamps (decision 21)', () => {
  it('the first staff status move sets first_response_at, and a later move keeps it', async () => {
    const l = await makeLandlord(t.app);
    const { created } = await report(l);
    expect((await caseRow(created.id)).firstResponseAt).toBeNull();
    const staff = await signIn(t.app, 'staff', l.manager.email);
    const before = Date.now();
    expect((await staff.post(`/api/v1/cases/${created.id}/status`, { status: 'acknowledged' })).statusCode).toBe(200);
    const first = (await caseRow(created.id)).firstResponseAt;
    expect(first).not.toBeNull();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await staff.post(`/api/v1/cases/${created.id}/status`, { status: 'in_progress' });
    expect((await caseRow(created.id)).firstResponseAt).toEqual(first);
  });

  it('reopening a resolved or closed case clears resolved_at', async () => {
    const l = await makeLandlord(t.app);
    const { created } = await report(l);
    const staff = await signIn(t.app, 'staff', l.manager.email);
    const move = async (status: string) =>
      expect((await staff.post(`/api/v1/cases/${created.id}/status`, { status })).statusCode, status).toBe(200);
    for (const status of ['acknowledged', 'in_progress', 'resolved']) await move(status);
    expect((await caseRow(created.id)).resolvedAt).not.toBeNull();
    await move('in_progress');
    expect((await caseRow(created.id)).resolvedAt).toBeNull();
    await move('resolved');
    await move('closed');
    expect((await caseRow(created.id)).resolvedAt).not.toBeNull();
    await move('in_progress');
    expect((await caseRow(created.id)).resolvedAt).toBeNull();
    expect((await caseRow(created.id)).closedAt).toBeNull();
  });
});

describe('responsible manager (decision 20)', () => {
  it('stays the property manager when a technician is assigned', async () => {
    const l = await makeLandlord(t.app);
    const { tenant, created } = await report(l);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const assigned = await admin.post(`/api/v1/cases/${created.id}/assign`, { assigneeId: l.technician.id });
    expect(assigned.json()).toMatchObject({ assignee: { id: l.technician.id }, responsibleManager: { id: l.manager.id } });
    expect((await tenant.get(`/api/v1/portal/cases/${created.id}`)).json().responsibleManager).toMatchObject({
      id: l.manager.id,
      name: l.manager.name,
    });
  });
});

describe('related case recipients (decision 23)', () => {
  it('texts each contact mobile, normalised, and names every recipient it could not reach', async () => {
    const l = await makeLandlord(t.app);
    // The company has no number of its own; its contacts' numbers are typed the way people write them.
    const [main, second, noMail] = l.company.contacts;
    await t.app.db.update(customerContacts).set({ phone: '070-123 45 67' }).where(eq(customerContacts.id, main!.id));
    await t.app.db.update(customerContacts).set({ phone: '08-123 456 78' }).where(eq(customerContacts.id, second!.id));
    await t.app.db.update(customerContacts).set({ phone: '+46 70 123 45 67' }).where(eq(customerContacts.id, noMail!.id));
    // The household's only contact has neither e-mail nor a mobile.
    await t.app.db
      .update(customerContacts)
      .set({ email: null, phone: null })
      .where(eq(customerContacts.customerId, l.household.customer.id));

    const staff = await signIn(t.app, 'staff', l.manager.email);
    const res = await staff.post('/api/v1/cases/related', {
      propertyId: l.property.id,
      title: 'Vattnet stängs av',
      description: 'Vattnet stängs av 10–12.',
      sms: true,
    });
    expect(res.statusCode).toBe(201);
    const recipients = res.json().recipients as { customerId: string; email: string; sms: string; missing: string[] }[];
    expect(recipients.find((r) => r.customerId === l.company.customer.id)).toMatchObject({ email: 'queued', sms: 'queued', missing: [] });
    expect(recipients.find((r) => r.customerId === l.household.customer.id)).toMatchObject({
      email: 'none',
      sms: 'none',
      missing: ['email', 'sms'],
    });
    const sms = await t.app.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.caseId, res.json().id), eq(outbox.channel, 'sms')));
    // One text per distinct mobile: the landline is no mobile, and the same number twice is one.
    expect(sms.map((r) => (r.payload as { to: string }).to)).toEqual(['+46701234567']);
  });

  it('a single customer is listed as a recipient, with its missing mobile when SMS was asked', async () => {
    const l = await makeLandlord(t.app);
    await t.app.db.update(customers).set({ phone: '+4681234567' }).where(eq(customers.id, l.household.customer.id));
    const staff = await signIn(t.app, 'staff', l.manager.email);
    const res = await staff.post('/api/v1/cases/related', {
      customerId: l.household.customer.id,
      title: 'Hissen står still',
      description: 'Hissen repareras i dag.',
      sms: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().recipients).toEqual([
      { customerId: l.household.customer.id, customerName: l.household.customer.name, email: 'queued', sms: 'none', missing: ['sms'] },
    ]);
    const withoutSms = await staff.post('/api/v1/cases/related', {
      customerId: l.household.customer.id,
      title: 'Städdag',
      description: 'Städdag på lördag.',
    });
    expect(withoutSms.json().recipients[0].missing).toEqual([]);
  });
});
