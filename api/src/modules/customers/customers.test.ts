import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  historyOf,
  makeLandlord,
  outboxFor,
  PASSWORD,
  signIn,
  type TestLandlord,
  tokenFromLink,
} from '../../../test/helpers';
import type { StaffActor } from '../../actors';
import { insertLandlord, insertPortalUser, insertStaff } from '../../db/fixtures';
import { leases } from '../../db/schema/leases';
import { threads } from '../../db/schema/messaging';
import { upsertCustomerByExternalId } from './service';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tag = () => randomUUID().slice(0, 8);
const manager = (l: TestLandlord) => signIn(t.app, 'staff', l.manager.email);

async function danishLandlord() {
  const landlord = await insertLandlord(t.app.db, { name: `DK ${tag()}`, country: 'DK', defaultLocale: 'da', portalEnabled: true });
  const staff = await insertStaff(t.app.db, {
    landlordId: landlord.id,
    email: `dk-${tag()}@staff.test`,
    name: 'DK Manager',
    role: 'manager',
    password: PASSWORD,
  });
  return { landlord, client: await signIn(t.app, 'staff', staff.email) };
}

describe('customers: create and validate', () => {
  it('a Swedish landlord takes personnummer / organisationsnummer, stores them normalised, and mobiles in E.164', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const person = await c.post('/api/v1/customers', {
      kind: 'person',
      name: 'Karin Holm',
      identityNumber: '880320-0016',
      email: 'Karin@Example.se',
      phone: '070-123 45 67',
      locale: 'sv',
      street: 'Storgatan 1',
      postalCode: '111 22',
      city: 'Stockholm',
    });
    expect(person.statusCode, person.body).toBe(201);
    expect(person.json()).toMatchObject({
      kind: 'person',
      identityNumber: '198803200016',
      email: 'karin@example.se',
      phone: '+46701234567',
      country: 'SE',
      archivedAt: null,
    });
    // A person is its own contact.
    expect(person.json().contacts).toEqual([
      expect.objectContaining({ name: 'Karin Holm', email: 'karin@example.se', phone: '+46701234567', locale: 'sv', portalState: 'none' }),
    ]);
    const company = await c.post('/api/v1/customers', {
      kind: 'company',
      name: 'Bageriet AB',
      identityNumber: '802005-1952',
      contacts: [{ name: 'Eva Ek', email: 'eva@bageriet.se', phone: '+46 73 000 00 00' }],
    });
    expect(company.statusCode, company.body).toBe(201);
    expect(company.json()).toMatchObject({ identityNumber: '8020051952', contacts: [{ name: 'Eva Ek', phone: '+46730000000' }] });

    // Wrong check digit; a company number for a person; a CVR in Sweden; a landline.
    for (const [body, code] of [
      [{ kind: 'company', name: 'X', identityNumber: '802005-1953' }, 'identity_number_invalid'],
      [{ kind: 'person', name: 'X', identityNumber: '802005-1952' }, 'identity_number_invalid'],
      [{ kind: 'company', name: 'X', identityNumber: '13585628' }, 'identity_number_invalid'],
      [{ kind: 'person', name: 'X', phone: '08-123 456 78' }, 'mobile_invalid'],
      [{ kind: 'person', name: 'X', phone: '12 34 56 78' }, 'mobile_invalid'],
      [{ kind: 'company', name: 'X', contacts: [{ name: 'Y', phone: '555' }] }, 'mobile_invalid'],
    ] as const) {
      const res = await c.post('/api/v1/customers', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code === code || res.json().error.issues?.some((i: { code?: string }) => i.code === code)).toBe(true);
    }
    const badMail = await c.post('/api/v1/customers', { kind: 'person', name: 'X', email: 'not-an-address' });
    expect(badMail.statusCode).toBe(400);
    expect(badMail.json().error.issues[0].path).toBe('email');
    // Messages from the errors catalogue, in the staff user's language (here the landlord's default, English).
    const phone = await c.post('/api/v1/customers', { kind: 'person', name: 'X', phone: '08-123 456 78' });
    expect(phone.json().error.issues[0]).toMatchObject({
      path: 'phone',
      code: 'mobile_invalid',
      message: expect.stringContaining('mobile number'),
    });
    const id = await c.post('/api/v1/customers', { kind: 'person', name: 'X', identityNumber: '880320-0017' });
    expect(id.json().error.issues[0]).toMatchObject({
      path: 'identityNumber',
      code: 'identity_number_invalid',
      message: expect.stringContaining('not a valid personal identity number'),
    });
  });

  it('a Danish landlord takes CPR / CVR and Danish mobiles, and refuses Swedish numbers', async () => {
    const { client } = await danishLandlord();
    const person = await client.post('/api/v1/customers', {
      kind: 'person',
      name: 'Jens Poulsen',
      identityNumber: '211062-5629',
      phone: '12 34 56 78',
    });
    expect(person.statusCode, person.body).toBe(201);
    expect(person.json()).toMatchObject({ identityNumber: '2110625629', phone: '+4512345678', country: 'DK' });
    const company = await client.post('/api/v1/customers', { kind: 'company', name: 'Nordic ApS', identityNumber: '13585628' });
    expect(company.json()).toMatchObject({ identityNumber: '13585628' });
    const swedish = await client.post('/api/v1/customers', { kind: 'company', name: 'X', identityNumber: '802005-1952' });
    expect(swedish.json().error.code).toBe('identity_number_invalid');
    const badCvr = await client.post('/api/v1/customers', { kind: 'company', name: 'X', identityNumber: '13585629' });
    expect(badCvr.statusCode).toBe(400);
  });

  it('identity numbers and external ids are unique per landlord (409), in any spelling', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    expect(
      (await c.post('/api/v1/customers', { kind: 'company', name: 'A', identityNumber: '8020051952', externalId: 'K-1' })).statusCode,
    ).toBe(201);
    const again = await c.post('/api/v1/customers', { kind: 'company', name: 'B', identityNumber: '802005-1952' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('identity_number_taken');
    const ext = await c.post('/api/v1/customers', { kind: 'company', name: 'C', externalId: 'K-1' });
    expect(ext.json().error.code).toBe('external_id_taken');
    // Another landlord may have the same company as a customer.
    const other = await manager(await makeLandlord(t.app));
    expect((await other.post('/api/v1/customers', { kind: 'company', name: 'A', identityNumber: '8020051952' })).statusCode).toBe(201);
    // An update onto a taken number is refused the same way.
    const b = (await c.post('/api/v1/customers', { kind: 'company', name: 'B', identityNumber: '857209-0606' })).json();
    const clash = await c.patch(`/api/v1/customers/${b.id}`, { identityNumber: '802005-1952' });
    expect(clash.json().error.code).toBe('identity_number_taken');
  });
});

describe('customers: list filters, sort and identity search', () => {
  it('filters by kind and archived, sorts by name or created both ways, and finds an identity number', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const a = (await c.post('/api/v1/customers', { kind: 'person', name: 'Anna Ö', identityNumber: '19880320-0016' })).json();
    const b = (await c.post('/api/v1/customers', { kind: 'company', name: 'Bolaget AB', identityNumber: '802005-1952' })).json();
    await c.post(`/api/v1/customers/${b.id}/archive`);
    const names = async (qs: string) => ((await c.get(`/api/v1/customers?${qs}`)).json().items as { name: string }[]).map((x) => x.name);
    expect(await names('kind=company')).toEqual([l.company.customer.name]);
    expect(await names('kind=company&archived=true')).toEqual(['Bolaget AB']);
    expect(await names('kind=company&archived=all')).toEqual(['Bolaget AB', l.company.customer.name]);
    expect(await names('sort=name&dir=desc')).toEqual([l.household.customer.name, l.company.customer.name, 'Anna Ö']);
    expect((await names('sort=created&dir=desc'))[0]).toBe('Anna Ö');
    expect((await names('sort=created&dir=asc')).at(-1)).toBe('Anna Ö');
    // Identity numbers: as typed, normalised, or the leading digits.
    expect(await names('q=880320-0016')).toEqual(['Anna Ö']);
    expect(await names('q=198803')).toEqual(['Anna Ö']);
    expect(await names('q=8020051952&archived=all')).toEqual(['Bolaget AB']);
    // A page by created with a cursor, then its way back.
    const first = (await c.get('/api/v1/customers?sort=created&dir=desc&limit=1')).json();
    const second = (await c.get(`/api/v1/customers?sort=created&dir=desc&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const back = (await c.get(`/api/v1/customers?sort=created&dir=desc&limit=1&cursor=${second.previousCursor}`)).json();
    expect(back.items[0].id).toBe(first.items[0].id);
    expect(a.id).toBeTruthy();
  });
});

describe('customers: update, archive, delete, history', () => {
  it('records created / updated / archived / restored with the changed fields; an edit that changes nothing leaves no entry', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const created = (await c.post('/api/v1/customers', { kind: 'company', name: 'Hist AB', contacts: [{ name: 'Kim' }] })).json();
    const patched = await c.patch(`/api/v1/customers/${created.id}`, { name: 'Hist & Co AB', city: 'Malmö', phone: '0701234567' });
    expect(patched.json()).toMatchObject({ name: 'Hist & Co AB', city: 'Malmö', phone: '+46701234567' });
    await c.patch(`/api/v1/customers/${created.id}`, { name: 'Hist & Co AB' });
    expect((await c.post(`/api/v1/customers/${created.id}/archive`)).json().archivedAt).not.toBeNull();
    expect((await c.get('/api/v1/customers?q=Hist')).json().items).toEqual([]);
    expect((await c.post(`/api/v1/customers/${created.id}/restore`)).json().archivedAt).toBeNull();
    const entries = await historyOf(c, 'customer', created.id);
    expect(entries.map((e) => e.action)).toEqual(['restored', 'archived', 'updated', 'created']);
    expect(entries[2]!.changes).toEqual({
      name: { from: 'Hist AB', to: 'Hist & Co AB' },
      city: { from: null, to: 'Malmö' },
      phone: { from: null, to: '+46701234567' },
    });
    // Contacts have their own history.
    const contactId = created.contacts[0].id;
    await c.patch(`/api/v1/customers/${created.id}/contacts/${contactId}`, { phone: '073-000 00 00' });
    const contactHistory = await historyOf(c, 'contact', contactId);
    expect(contactHistory.map((e) => e.action)).toEqual(['updated', 'created']);
    expect(contactHistory[0]!.changes).toEqual({ phone: { from: null, to: '+46730000000' } });
    const added = await c.post(`/api/v1/customers/${created.id}/contacts`, { name: 'Lo', email: 'lo@hist.test', locale: 'en' });
    expect(added.statusCode).toBe(201);
    expect((await c.request('DELETE', `/api/v1/customers/${created.id}/contacts/${added.json().id}`)).statusCode).toBe(200);
    expect((await historyOf(c, 'contact', added.json().id)).map((e) => e.action)).toEqual(['deleted', 'created']);
  });

  it('deletes only a customer without leases: 409 customer_has_active_leases / customer_has_leases; archive is always allowed', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const active = await c.request('DELETE', `/api/v1/customers/${l.company.customer.id}`);
    expect(active.statusCode).toBe(409);
    expect(active.json().error.code).toBe('customer_has_active_leases');
    await t.app.db.update(leases).set({ status: 'ended' }).where(eq(leases.id, l.office.id));
    expect((await c.request('DELETE', `/api/v1/customers/${l.company.customer.id}`)).json().error.code).toBe('customer_has_leases');
    expect((await c.post(`/api/v1/customers/${l.company.customer.id}/archive`)).statusCode).toBe(200);

    const fresh = (await c.post('/api/v1/customers', { kind: 'person', name: 'Short Stay', email: 'short@stay.test' })).json();
    await c.post(`/api/v1/customers/${fresh.id}/contacts/${fresh.contacts[0].id}/invite`);
    expect((await c.request('DELETE', `/api/v1/customers/${fresh.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/v1/customers/${fresh.id}`)).statusCode).toBe(404);
    expect((await historyOf(c, 'customer', fresh.id)).map((e) => e.action)).toEqual(['deleted', 'created']);
    // A customer with messages on record stays (archive instead).
    const talked = (await c.post('/api/v1/customers', { kind: 'company', name: 'Talked AB' })).json();
    // (A thread about it, filed under another customer's lease: only the reference matters here.)
    await t.app.db
      .insert(threads)
      .values({ landlordId: l.landlord.id, customerId: talked.id, leaseId: l.flat.id, subject: 'Hej', lastAuthorKind: 'staff' });
    expect((await c.request('DELETE', `/api/v1/customers/${talked.id}`)).json().error.code).toBe('customer_in_use');
  });

  it('a contact with a portal user is not removed until the access is', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const res = await c.request('DELETE', `/api/v1/customers/${l.company.customer.id}/contacts/${l.company.contacts[0]!.id}`);
    expect(res.json().error.code).toBe('contact_has_portal_user');
  });
});

describe('customers: roles and isolation', () => {
  it('managers and admins write; finance reads and gets 403 on writes; technicians 403; another landlord 404', async () => {
    const l = await makeLandlord(t.app);
    const finance = await insertStaff(t.app.db, {
      landlordId: l.landlord.id,
      email: `finance-${tag()}@staff.test`,
      name: 'Finance',
      role: 'finance',
      password: PASSWORD,
    });
    const f = await signIn(t.app, 'staff', finance.email);
    const tech = await signIn(t.app, 'staff', l.technician.email);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const id = l.company.customer.id;
    const contactId = l.company.contacts[1]!.id;
    expect((await f.get('/api/v1/customers')).statusCode).toBe(200);
    expect((await f.get(`/api/v1/customers/${id}`)).statusCode).toBe(200);
    expect((await f.get(`/api/v1/customers/${id}/portal-users`)).statusCode).toBe(200);
    const writes: [Client, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?][] = [
      [f, 'POST', '/api/v1/customers', { kind: 'company', name: 'F' }],
      [f, 'PATCH', `/api/v1/customers/${id}`, { city: 'X' }],
      [f, 'POST', `/api/v1/customers/${id}/archive`],
      [f, 'DELETE', `/api/v1/customers/${id}`],
      [f, 'POST', `/api/v1/customers/${id}/contacts`, { name: 'F' }],
      [f, 'PATCH', `/api/v1/customers/${id}/contacts/${contactId}`, { name: 'F' }],
      [f, 'POST', `/api/v1/customers/${id}/contacts/${contactId}/invite`],
      [f, 'PATCH', `/api/v1/customers/${id}/portal-users/${l.companyUser.id}`, { role: 'admin' }],
      [f, 'DELETE', `/api/v1/customers/${id}/portal-users/${l.companyUser.id}`],
      [tech, 'GET', '/api/v1/customers'],
      [tech, 'GET', `/api/v1/customers/${id}`],
      [tech, 'POST', '/api/v1/customers', { kind: 'company', name: 'T' }],
    ];
    for (const [client, method, url, body] of writes)
      expect((await client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
    expect((await admin.patch(`/api/v1/customers/${id}`, { city: 'Lund' })).statusCode).toBe(200);

    const other = await manager(await makeLandlord(t.app));
    for (const [method, url, body] of [
      ['GET', `/api/v1/customers/${id}`],
      ['PATCH', `/api/v1/customers/${id}`, { city: 'X' }],
      ['POST', `/api/v1/customers/${id}/archive`],
      ['DELETE', `/api/v1/customers/${id}`],
      ['PATCH', `/api/v1/customers/${id}/contacts/${contactId}`, { name: 'X' }],
      ['GET', `/api/v1/history/customer/${id}`],
    ] as const)
      expect((await other.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
  });
});

describe('portal users from the console (issue 9 §2)', () => {
  it('changing the e-mail of a contact with a portal user asks for a choice; keep changes the record only', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const url = `/api/v1/customers/${l.company.customer.id}/contacts/${l.company.contacts[0]!.id}`;
    const ask = await c.patch(url, { email: `new-${tag()}@company.test` });
    expect(ask.statusCode).toBe(409);
    expect(ask.json().error.code).toBe('contact_has_portal_user');
    // A mobile or name change needs no choice.
    expect((await c.patch(url, { phone: '0701234567' })).statusCode).toBe(200);
    const kept = await c.patch(url, { email: 'desk@company.test', portalUser: 'keep' });
    expect(kept.json()).toMatchObject({ email: 'desk@company.test', portalState: 'registered', portalEmail: l.companyUser.email });
    // The person still signs in with their own address.
    expect((await signIn(t.app, 'portal', l.companyUser.email)).cookies.size).toBeGreaterThan(0);
  });

  it('reinvite detaches the portal user from this customer and invites the new address with the same role, in one step', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const contactId = l.company.contacts[0]!.id;
    const email = `moved-${tag()}@company.test`;
    const res = await c.patch(`/api/v1/customers/${l.company.customer.id}/contacts/${contactId}`, { email, portalUser: 'reinvite' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ email, portalState: 'invited', portalEmail: null });
    const users = (await c.get(`/api/v1/customers/${l.company.customer.id}/portal-users`)).json().items;
    expect(users).toEqual([expect.objectContaining({ kind: 'invitation', email, role: 'main_admin', state: 'invited' })]);
    // The old sign-in no longer reaches the customer; the invitation is accepted at the new address.
    const old = await new Client(t.app).post('/api/v1/auth/portal/login', { email: l.companyUser.email, password: PASSWORD });
    expect(old.statusCode).toBe(403);
    const mail = (await outboxFor(t.app, email)).at(-1)!;
    expect(mail.payload).toMatchObject({ template: 'invitation' });
    const accepted = await new Client(t.app).post(
      `/api/v1/auth/invitations/${tokenFromLink((mail.payload as { link: string }).link)}/accept`,
      {
        name: 'Moved',
        password: 'a fine long passphrase',
      },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().me.memberships[0].role).toBe('main_admin');
    const entry = (await historyOf(c, 'contact', contactId))[0]!;
    expect(entry.changes).toMatchObject({ email: { to: email }, portalUser: { from: 'registered', to: 'invited' } });
  });

  it('staff resend and cancel an invitation, change a role and remove access; the last main administrator stays', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const base = `/api/v1/customers/${l.company.customer.id}`;
    const second = await insertPortalUser(t.app.db, { email: `second-${tag()}@company.test`, name: 'Second', password: PASSWORD }, [
      { landlordId: l.landlord.id, customerId: l.company.customer.id, contactId: l.company.contacts[1]!.id, role: 'user' },
    ]);
    const email = `inv-${tag()}@company.test`;
    const invited = (await c.post(`${base}/portal-invitations`, { email, name: 'Inv', role: 'user' })).json();
    const firstLink = (await outboxFor(t.app, email)).at(-1)!.payload as { link: string };
    const resent = await c.post(`${base}/portal-invitations/${invited.id}/resend`);
    expect(resent.statusCode).toBe(200);
    expect((await new Client(t.app).get(`/api/v1/auth/invitations/${tokenFromLink(firstLink.link)}`)).statusCode).toBe(410);
    const cancelled = await c.request('DELETE', `${base}/portal-invitations/${resent.json().id}`);
    expect(cancelled.statusCode).toBe(200);
    expect((await c.get(`${base}/portal-users`)).json().items.some((u: { email: string }) => u.email === email)).toBe(false);

    expect((await c.patch(`${base}/portal-users/${second.id}`, { role: 'admin' })).json()).toMatchObject({ role: 'admin' });
    const demote = await c.patch(`${base}/portal-users/${l.companyUser.id}`, { role: 'user' });
    expect(demote.json().error.code).toBe('last_main_admin');
    expect((await c.request('DELETE', `${base}/portal-users/${l.companyUser.id}`)).json().error.code).toBe('last_main_admin');
    expect((await c.request('DELETE', `${base}/portal-users/${second.id}`)).statusCode).toBe(200);
    const detail = (await c.get(base)).json();
    expect(detail.contacts.find((x: { id: string }) => x.id === l.company.contacts[1]!.id).portalState).toBe('none');
    // Another landlord's staff cannot reach these.
    const other = await manager(await makeLandlord(t.app));
    expect((await other.patch(`${base}/portal-users/${l.companyUser.id}`, { role: 'admin' })).statusCode).toBe(404);
  });
});

describe('upsertCustomerByExternalId', () => {
  it('creates, updates, answers unchanged on an identical second call, validates like create', async () => {
    const l = await makeLandlord(t.app);
    const actor: StaffActor = {
      kind: 'staff',
      id: l.manager.id,
      landlordId: l.landlord.id,
      role: 'manager',
      name: 'M',
      email: l.manager.email,
    };
    const row = {
      externalId: `X-${tag()}`,
      kind: 'company' as const,
      name: 'Import AB',
      identityNumber: '857209-0606',
      phone: '070 123 45 67',
      contacts: [{ name: 'Ida', email: 'ida@import.test', phone: '0731234567' }],
    };
    const created = await t.app.db.transaction((tx) => upsertCustomerByExternalId(tx, actor, row));
    expect(created.outcome).toBe('created');
    expect((await upsertCustomerByExternalId(t.app.db, actor, row)).outcome).toBe('unchanged');
    const changed = await upsertCustomerByExternalId(t.app.db, actor, {
      ...row,
      city: 'Lund',
      contacts: [{ name: 'Ida Berg', email: 'IDA@import.test', phone: '0731234567' }, { name: 'Ny' }],
    });
    expect(changed).toEqual({ id: created.id, outcome: 'updated' });
    const c = await manager(l);
    const detail = (await c.get(`/api/v1/customers/${created.id}`)).json();
    expect(detail).toMatchObject({ city: 'Lund', identityNumber: '8572090606', phone: '+46701234567' });
    expect(detail.contacts.map((x: { name: string }) => x.name).sort()).toEqual(['Ida Berg', 'Ny']);
    const customerHistory = await historyOf(c, 'customer', created.id);
    expect(customerHistory.map((e) => e.action)).toEqual(['updated', 'created']);
    expect(customerHistory[0]!.changes).toEqual({ city: { from: null, to: 'Lund' } });
    const ida = detail.contacts.find((x: { name: string }) => x.name === 'Ida Berg').id;
    expect((await historyOf(c, 'contact', ida))[0]!.changes).toEqual({ name: { from: 'Ida', to: 'Ida Berg' } });
    await expect(upsertCustomerByExternalId(t.app.db, actor, { ...row, identityNumber: '857209-0607' })).rejects.toMatchObject({
      code: 'identity_number_invalid',
    });
    // A clash inside the caller's transaction is a 409 and leaves the transaction usable.
    await t.app.db.transaction(async (tx) => {
      await expect(
        upsertCustomerByExternalId(tx, actor, { externalId: `Y-${tag()}`, kind: 'company', name: 'Dup', identityNumber: '8572090606' }),
      ).rejects.toMatchObject({ code: 'identity_number_taken' });
      expect((await upsertCustomerByExternalId(tx, actor, { externalId: `Z-${tag()}`, kind: 'person', name: 'Ok' })).outcome).toBe(
        'created',
      );
    });
    const finance = { ...actor, role: 'finance' as const };
    await expect(upsertCustomerByExternalId(t.app.db, finance, row)).rejects.toMatchObject({ statusCode: 403 });
  });
});
