import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, outboxFor, PASSWORD, PNG, signIn, type TestLandlord } from '../../../test/helpers';
import { insertPortalUser } from '../../db/fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Event = { id: string; body: string | null; kind: string; customerId: string | null; attachments: { id: string }[] };

/** A notice to every customer of the property, and a signed-in person for each of the two recipients. */
async function propertyNotice(l: TestLandlord) {
  const householdUser = await insertPortalUser(
    t.app.db,
    { email: `hh-${l.landlord.id.slice(0, 8)}@tenant.test`, name: 'Hanna', password: PASSWORD },
    [{ landlordId: l.landlord.id, customerId: l.household.customer.id, contactId: l.household.contacts[0]!.id, role: 'main_admin' }],
  );
  const staff = await signIn(t.app, 'staff', l.manager.email);
  const res = await staff.post('/api/v1/cases/related', {
    propertyId: l.property.id,
    title: 'Vattenavstängning',
    description: 'Tisdag 8–12',
  });
  expect(res.statusCode).toBe(201);
  const caseId = res.json().id as string;
  const company = await signIn(t.app, 'portal', l.companyUser.email);
  const household = await signIn(t.app, 'portal', householdUser.email);
  return { staff, company, household, householdUser, caseId };
}

const timeline = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode).toBe(200);
  return res.json().events as Event[];
};
const bodies = (events: Event[]) => events.filter((e) => e.kind === 'public_reply').map((e) => e.body);

describe('a property-wide related case is one dialog per receiving customer', () => {
  it('each customer sees the broadcast and its own dialog; staff see all, each reply marked with its customer', async () => {
    const l = await makeLandlord(t.app);
    const { staff, company, household, caseId } = await propertyNotice(l);
    const portalUrl = `/api/v1/portal/cases/${caseId}`;

    const photo = (await company.upload('/api/v1/portal/uploads', PNG, 'tap.png')).json().id;
    const companyReply = await company.post(`${portalUrl}/replies`, { body: 'Gäller det kontoret?', attachmentIds: [photo] });
    expect(companyReply.statusCode).toBe(201);
    expect(companyReply.json().customerId).toBe(l.company.customer.id);
    expect((await household.post(`${portalUrl}/replies`, { body: 'Vi är bortresta' })).statusCode).toBe(201);

    // Staff answer the company alone, then everyone, each with a file.
    const staffFile = async () => (await staff.upload('/api/v1/uploads', PNG, 'plan.png')).json().id as string;
    const privately = await staff.post(`/api/v1/cases/${caseId}/replies`, {
      body: 'Ja, kontoret också',
      customerId: l.company.customer.id,
      attachmentIds: [await staffFile()],
    });
    expect(privately.statusCode).toBe(201);
    expect(privately.json().customerId).toBe(l.company.customer.id);
    const toAll = await staff.post(`/api/v1/cases/${caseId}/replies`, { body: 'Klart kl 11', attachmentIds: [await staffFile()] });
    expect(toAll.json().customerId).toBeNull();

    expect(bodies(await timeline(company, portalUrl))).toEqual(['Gäller det kontoret?', 'Ja, kontoret också', 'Klart kl 11']);
    expect(bodies(await timeline(household, portalUrl))).toEqual(['Vi är bortresta', 'Klart kl 11']);
    const all = await timeline(staff, `/api/v1/cases/${caseId}`);
    expect(all.filter((e) => e.kind === 'public_reply').map((e) => [e.body, e.customerId])).toEqual([
      ['Gäller det kontoret?', l.company.customer.id],
      ['Vi är bortresta', l.household.customer.id],
      ['Ja, kontoret också', l.company.customer.id],
      ['Klart kl 11', null],
    ]);

    // The files of an entry follow the entry.
    expect((await company.get(`/api/v1/portal/attachments/${photo}`)).statusCode).toBe(200);
    expect((await household.get(`/api/v1/portal/attachments/${photo}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/attachments/${photo}`)).statusCode).toBe(200);
    const privateFile = privately.json().attachments[0].id;
    const broadcastFile = toAll.json().attachments[0].id;
    expect((await company.get(`/api/v1/portal/attachments/${privateFile}`)).statusCode).toBe(200);
    expect((await household.get(`/api/v1/portal/attachments/${privateFile}`)).statusCode).toBe(404);
    for (const tenant of [company, household])
      expect((await tenant.get(`/api/v1/portal/attachments/${broadcastFile}`)).statusCode).toBe(200);
  });

  it('e-mails an entry of one dialog only to the people of that customer', async () => {
    const l = await makeLandlord(t.app);
    const { staff, company, household, householdUser, caseId } = await propertyNotice(l);
    const portalUrl = `/api/v1/portal/cases/${caseId}`;
    expect((await household.post(`${portalUrl}/follow`)).statusCode).toBe(200);
    expect((await company.post(`${portalUrl}/follow`)).statusCode).toBe(200);
    // Each customer counts its own followers only; staff count all.
    expect((await company.get(portalUrl)).json()).toMatchObject({ following: true, followerCount: 1 });
    expect((await household.get(portalUrl)).json()).toMatchObject({ following: true, followerCount: 1 });
    expect((await staff.get(`/api/v1/cases/${caseId}`)).json().followerCount).toBe(2);
    const updates = async (email: string) =>
      (await outboxFor(t.app, email))
        .filter((r) => (r.payload as { template: string }).template === 'case_update')
        .map((r) => (r.payload as { body?: string }).body);

    expect((await company.post(`${portalUrl}/replies`, { body: 'Hemligt om kontoret' })).statusCode).toBe(201);
    expect(
      (await staff.post(`/api/v1/cases/${caseId}/replies`, { body: 'Svar till kontoret', customerId: l.company.customer.id })).statusCode,
    ).toBe(201);
    expect((await staff.post(`/api/v1/cases/${caseId}/replies`, { body: 'Till alla' })).statusCode).toBe(201);

    expect(await updates(householdUser.email)).toEqual(['Till alla']);
    expect(await updates(l.companyUser.email)).toEqual(['Svar till kontoret', 'Till alla']);
  });

  it('refuses an audience that is not a recipient, on a single-customer case, on a note, or from a tenant', async () => {
    const l = await makeLandlord(t.app);
    const other = await makeLandlord(t.app);
    const { staff, company, caseId } = await propertyNotice(l);
    const reply = (body: Record<string, unknown>) => staff.post(`/api/v1/cases/${caseId}/replies`, { body: 'x', ...body });

    const stranger = await reply({ customerId: other.company.customer.id });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.resource).toBe('customer');
    expect((await reply({ customerId: l.company.customer.id, internal: true })).statusCode).toBe(400);
    const single = await staff.post('/api/v1/cases/related', { customerId: l.company.customer.id, title: 'Till er', description: 'y' });
    expect(
      (await staff.post(`/api/v1/cases/${single.json().id}/replies`, { body: 'x', customerId: l.company.customer.id })).statusCode,
    ).toBe(400);
    expect(
      (await company.post(`/api/v1/portal/cases/${caseId}/replies`, { body: 'x', customerId: l.household.customer.id })).statusCode,
    ).toBe(403);
    // Nothing was written by the refused replies.
    expect(bodies(await timeline(staff, `/api/v1/cases/${caseId}`))).toEqual([]);
  });
});
