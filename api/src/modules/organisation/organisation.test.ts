import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeLandlord, outboxFor, PASSWORD, signIn, type TestLandlord, tokenFromLink } from '../../../test/helpers';
import { insertInvoice, insertPortalUser } from '../../db/fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Role = 'main_admin' | 'admin' | 'user';

/** The company of `l` with one portal user per role (the main admin exists already). */
async function withRoles(l: TestLandlord) {
  const make = async (role: Role) =>
    insertPortalUser(t.app.db, { email: `${role}-${l.landlord.id}@company.test`, name: `${role} person`, password: PASSWORD }, [
      { landlordId: l.landlord.id, customerId: l.company.customer.id, role },
    ]);
  const admin = await make('admin');
  const user = await make('user');
  const clients = {
    main_admin: await signIn(t.app, 'portal', l.companyUser.email),
    admin: await signIn(t.app, 'portal', admin.email),
    user: await signIn(t.app, 'portal', user.email),
  };
  return { admin, user, clients };
}

describe('seed 002 role matrix on the server', () => {
  it('each role × each endpoint group', async () => {
    const l = await makeLandlord(t.app);
    await insertInvoice(t.app.db, {
      landlordId: l.landlord.id,
      customerId: l.company.customer.id,
      leaseId: l.office.id,
      number: 'F-1',
      status: 'unpaid',
    });
    const { clients } = await withRoles(l);
    const groups: Record<string, (c: Client) => Promise<number>> = {
      messages: async (c) => (await c.get('/api/v1/portal/threads')).statusCode,
      organisation: async (c) => (await c.get('/api/v1/portal/organisation/users')).statusCode,
      invoices: async (c) => (await c.get('/api/v1/portal/invoices')).statusCode,
    };
    const matrix: Record<string, Record<string, number>> = {};
    for (const [role, client] of Object.entries(clients)) {
      matrix[role] = {};
      for (const [group, call] of Object.entries(groups)) matrix[role]![group] = await call(client);
    }
    expect(matrix).toEqual({
      main_admin: { messages: 200, organisation: 200, invoices: 200 },
      admin: { messages: 200, organisation: 200, invoices: 403 },
      user: { messages: 200, organisation: 403, invoices: 403 },
    });
  });

  it('an administrator grants only roles at or below their own', async () => {
    const l = await makeLandlord(t.app);
    const { clients, user } = await withRoles(l);
    const invite = (c: Client, role: Role, tag: string) =>
      c.post('/api/v1/portal/organisation/invitations', { email: `${tag}-${l.landlord.id}@company.test`, name: tag, role });
    const tooHigh = await invite(clients.admin, 'main_admin', 'boss');
    expect(tooHigh.statusCode).toBe(403);
    expect(tooHigh.json().error.code).toBe('role_ceiling');
    expect((await invite(clients.admin, 'admin', 'peer')).statusCode).toBe(201);
    expect((await invite(clients.admin, 'user', 'junior')).statusCode).toBe(201);
    expect((await clients.admin.patch(`/api/v1/portal/organisation/users/${user.id}`, { role: 'main_admin' })).json().error.code).toBe(
      'role_ceiling',
    );
    // …and cannot demote or remove a main administrator.
    expect((await clients.admin.patch(`/api/v1/portal/organisation/users/${l.companyUser.id}`, { role: 'user' })).json().error.code).toBe(
      'role_ceiling',
    );
    expect((await clients.admin.request('DELETE', `/api/v1/portal/organisation/users/${l.companyUser.id}`)).statusCode).toBe(403);
    expect((await clients.main_admin.patch(`/api/v1/portal/organisation/users/${user.id}`, { role: 'admin' })).json()).toMatchObject({
      role: 'admin',
    });
  });

  it('keeps the last main administrator', async () => {
    const l = await makeLandlord(t.app);
    const { clients, admin } = await withRoles(l);
    const demote = await clients.main_admin.patch(`/api/v1/portal/organisation/users/${l.companyUser.id}`, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_main_admin');
    expect((await clients.main_admin.request('DELETE', `/api/v1/portal/organisation/users/${l.companyUser.id}`)).json().error.code).toBe(
      'last_main_admin',
    );
    // With a second main administrator, the first may step down.
    await clients.main_admin.patch(`/api/v1/portal/organisation/users/${admin.id}`, { role: 'main_admin' });
    expect((await clients.main_admin.patch(`/api/v1/portal/organisation/users/${l.companyUser.id}`, { role: 'admin' })).statusCode).toBe(
      200,
    );
  });

  it('an invitation made in the portal grants its role; resend replaces the link; cancel withdraws it', async () => {
    const l = await makeLandlord(t.app);
    const { clients } = await withRoles(l);
    const email = `new-${l.landlord.id}@company.test`;
    const invited = await clients.main_admin.post('/api/v1/portal/organisation/invitations', { email, name: 'New Admin', role: 'admin' });
    expect(invited.json()).toMatchObject({ kind: 'invitation', state: 'invited', role: 'admin', email });
    const first = tokenFromLink(((await outboxFor(t.app, email))[0]!.payload as { link: string }).link);
    const resent = await clients.main_admin.post(`/api/v1/portal/organisation/invitations/${invited.json().id}/resend`);
    expect(resent.statusCode).toBe(200);
    expect((await new Client(t.app).get(`/api/v1/auth/invitations/${first}`)).statusCode).toBe(410);
    const second = tokenFromLink(((await outboxFor(t.app, email)).at(-1)!.payload as { link: string }).link);
    const accepted = await new Client(t.app).post(`/api/v1/auth/invitations/${second}/accept`, {
      name: 'New Admin',
      password: 'a fine long passphrase',
    });
    expect(accepted.json().me.memberships[0].role).toBe('admin');
    const users = (await clients.main_admin.get('/api/v1/portal/organisation/users')).json().items;
    expect(users.find((u: { email: string }) => u.email === email)).toMatchObject({ kind: 'user', state: 'registered', role: 'admin' });

    const other = await clients.admin.post('/api/v1/portal/organisation/invitations', { email: `x-${email}`, name: 'X', role: 'user' });
    expect((await clients.admin.request('DELETE', `/api/v1/portal/organisation/invitations/${other.json().id}`)).statusCode).toBe(200);
    const listed = (await clients.admin.get('/api/v1/portal/organisation/users')).json().items;
    expect(listed.some((u: { id: string }) => u.id === other.json().id)).toBe(false);
  });

  it('staff see a customer’s portal users and invite the first main administrator; other landlords get 404', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.manager.email);
    const list = await staff.get(`/api/v1/customers/${l.company.customer.id}/portal-users`);
    expect(list.json().items).toEqual([
      expect.objectContaining({ email: l.companyUser.email, role: 'main_admin', state: 'registered', isMe: false }),
    ]);
    const invited = await staff.post(`/api/v1/customers/${l.household.customer.id}/portal-invitations`, {
      email: `first-${l.landlord.id}@home.test`,
      name: 'First',
    });
    expect(invited.json()).toMatchObject({ role: 'main_admin', state: 'invited' });
    const other = await makeLandlord(t.app);
    const foreign = await signIn(t.app, 'staff', other.admin.email);
    expect((await foreign.get(`/api/v1/customers/${l.company.customer.id}/portal-users`)).statusCode).toBe(404);
    expect(
      (await foreign.post(`/api/v1/customers/${l.company.customer.id}/portal-invitations`, { email: 'a@b.test', name: 'A' })).statusCode,
    ).toBe(404);
  });

  it('a tenant cannot manage another customer’s users', async () => {
    const l = await makeLandlord(t.app);
    const { clients } = await withRoles(l);
    clients.main_admin.customerId = l.household.customer.id;
    expect((await clients.main_admin.get('/api/v1/portal/organisation/users')).statusCode).toBe(404);
  });
});
