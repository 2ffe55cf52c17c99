import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeLandlord, outboxFor, PASSWORD, signIn, type TestLandlord, tokenFromLink } from '../../../test/helpers';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const NEW_PASSWORD = 'Fresh-Colleague-Horse-4';
let n = 0;
const email = () => `colleague-${Date.now()}-${n++}@staff.test`;

async function invite(admin: Client, body: { email: string; name: string; role: string; locale?: string }) {
  const res = await admin.post('/api/v1/staff-users', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; email: string; invitationExpiresAt: string | null };
}

/** The link of the newest staff invitation e-mail to `to`. */
async function invitationToken(to: string) {
  const rows = (await outboxFor(t.app, to)).filter((r) => (r.payload as { template: string }).template === 'staff_invitation');
  expect(rows.length).toBeGreaterThan(0);
  const payload = rows.at(-1)!.payload as { link: string; locale: string; landlordName: string };
  expect(payload.link).toMatch(/^http:\/\/admin\.test\/staff-invitation\//);
  return tokenFromLink(payload.link);
}

async function accept(token: string, password = NEW_PASSWORD) {
  const client = new Client(t.app);
  const res = await client.post(`/api/v1/auth/staff/invitations/${token}/accept`, { password });
  return { client, res };
}

async function history(admin: Client, id: string) {
  const res = await admin.get(`/api/v1/history/staff_user/${id}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: { action: string; changes: Record<string, { from: unknown; to: unknown }> }[] }).items;
}

describe('inviting a colleague', () => {
  let l: TestLandlord;
  let admin: Client;
  beforeAll(async () => {
    l = await makeLandlord(t.app, { locale: 'sv' });
    admin = await signIn(t.app, 'staff', l.admin.email);
  });

  it('invite → e-mail in the outbox → preview → accept with a password → signed in to the console', async () => {
    const address = email();
    const invited = await invite(admin, { email: address.toUpperCase(), name: 'Nora Kollega', role: 'manager' });
    expect(invited).toMatchObject({ email: address, status: 'invited' });
    expect(invited.invitationExpiresAt, JSON.stringify(invited)).not.toBeNull();
    const token = await invitationToken(address);
    const [row] = await outboxFor(t.app, address);
    // The landlord's language when the admin chose none.
    expect(row!.payload).toMatchObject({ template: 'staff_invitation', locale: 'sv', name: 'Nora Kollega', inviterName: l.admin.name });

    const preview = await new Client(t.app).get(`/api/v1/auth/staff/invitations/${token}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      email: address,
      name: 'Nora Kollega',
      landlordName: l.landlord.name,
      passwordPolicy: 'standard',
    });

    // The landlord's password policy applies.
    expect((await accept(token, 'short')).res.json().error.code).toBe('password_too_short');
    const { client, res } = await accept(token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ email: address, role: 'manager' });
    expect((await client.get('/api/v1/auth/staff/me')).statusCode).toBe(200);
    // Used once only; the person now signs in with the password.
    expect((await accept(token)).res.statusCode).toBe(410);
    await signIn(t.app, 'staff', address, NEW_PASSWORD);
    expect((await admin.get(`/api/v1/staff-users/${invited.id}`)).json()).toMatchObject({ status: 'active', invitationExpiresAt: null });
    const entries = await history(admin, invited.id);
    expect(entries.at(-1)).toMatchObject({ action: 'created' });
    expect(entries.at(-1)!.changes.role).toEqual({ from: null, to: 'manager' });
  });

  it('an e-mail already used by staff of any landlord is 409 email_taken', async () => {
    const other = await makeLandlord(t.app);
    const res = await admin.post('/api/v1/staff-users', { email: other.manager.email, name: 'X', role: 'finance' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
  });

  it('bad input is 400 with the field named', async () => {
    const res = await admin.post('/api/v1/staff-users', { email: 'not-an-email', name: '', role: 'boss' });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'name', 'role']));
  });

  it('resend replaces the link (the old one stops working); cancel withdraws it and lists the person as deactivated', async () => {
    const address = email();
    const invited = await invite(admin, { email: address, name: 'Resend Me', role: 'technician', locale: 'en' });
    const first = await invitationToken(address);
    const resent = await admin.post(`/api/v1/staff-users/${invited.id}/invitation/resend`);
    expect(resent.statusCode).toBe(200);
    const second = await invitationToken(address);
    expect(second).not.toBe(first);
    expect((await accept(first)).res.json().error.code).toBe('invitation_invalid');

    const cancelled = await admin.post(`/api/v1/staff-users/${invited.id}/invitation/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'deactivated', invitationExpiresAt: null });
    expect((await accept(second)).res.statusCode).toBe(410);
    // Neither can be repeated on someone who is not invited.
    expect((await admin.post(`/api/v1/staff-users/${invited.id}/invitation/resend`)).json().error.code).toBe('staff_not_invited');
    expect((await admin.post(`/api/v1/staff-users/${invited.id}/invitation/cancel`)).json().error.code).toBe('staff_not_invited');
    // Reactivating someone who never accepted invites them again.
    const back = await admin.post(`/api/v1/staff-users/${invited.id}/reactivate`);
    expect(back.json()).toMatchObject({ status: 'invited' });
    const third = await invitationToken(address);
    expect((await accept(third)).res.statusCode).toBe(200);
  });

  it('an expired link is 410 invitation_expired', async () => {
    const address = email();
    const invited = await invite(admin, { email: address, name: 'Late', role: 'finance' });
    const token = await invitationToken(address);
    await t.app.db.execute(
      (await import('drizzle-orm'))
        .sql`update staff_invitations set expires_at = now() - interval '1 minute' where staff_user_id = ${invited.id}`,
    );
    const res = await new Client(t.app).get(`/api/v1/auth/staff/invitations/${token}`);
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('invitation_expired');
  });

  it('an unknown token is 404 invitation_invalid', async () => {
    const res = await new Client(t.app).get(`/api/v1/auth/staff/invitations/${'x'.repeat(43)}`);
    expect(res.statusCode).toBe(404);
  });
});

describe('roles, deactivation and the guards', () => {
  it('deactivating ends all their sessions at once and refuses sign-in; reactivating restores it', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const manager = await signIn(t.app, 'staff', l.manager.email);
    const managerOtherDevice = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.get('/api/v1/auth/staff/me')).statusCode).toBe(200);

    const res = await admin.post(`/api/v1/staff-users/${l.manager.id}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'deactivated' });
    // The access tokens they hold are still unexpired JWTs, yet refused on the next request.
    for (const c of [manager, managerOtherDevice]) {
      const me = await c.get('/api/v1/auth/staff/me');
      expect(me.statusCode).toBe(401);
      expect((await c.post('/api/v1/auth/staff/refresh')).statusCode).toBe(401);
    }
    const login = await new Client(t.app).post('/api/v1/auth/staff/login', { email: l.manager.email, password: PASSWORD });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('account_deactivated');
    // A wrong password still says only "invalid credentials".
    const wrong = await new Client(t.app).post('/api/v1/auth/staff/login', { email: l.manager.email, password: 'nope-nope-nope' });
    expect(wrong.json().error.code).toBe('invalid_credentials');
    // Password reset: the "no active account" e-mail, no link.
    await new Client(t.app).post('/api/v1/auth/staff/password-reset', { email: l.manager.email });
    const resets = await outboxFor(t.app, l.manager.email);
    expect((resets.at(-1)!.payload as { template: string }).template).toBe('password_reset_no_account');

    const back = await admin.post(`/api/v1/staff-users/${l.manager.id}/reactivate`);
    expect(back.json()).toMatchObject({ status: 'active' });
    await signIn(t.app, 'staff', l.manager.email);

    const entries = await history(admin, l.manager.id);
    expect(entries.map((e) => e.changes.status)).toEqual(
      expect.arrayContaining([
        { from: 'active', to: 'deactivated' },
        { from: 'deactivated', to: 'active' },
      ]),
    );
  });

  it('role change is recorded; an admin cannot demote or deactivate themself; the last active admin stays', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const promoted = await admin.patch(`/api/v1/staff-users/${l.technician.id}`, { role: 'finance' });
    expect(promoted.json()).toMatchObject({ role: 'finance' });
    expect((await history(admin, l.technician.id))[0]!.changes.role).toEqual({ from: 'technician', to: 'finance' });
    // The technician's next request already carries the new role.
    const techClient = await signIn(t.app, 'staff', l.technician.email);
    expect((await techClient.get('/api/v1/auth/staff/me')).json().role).toBe('finance');

    const selfDemote = await admin.patch(`/api/v1/staff-users/${l.admin.id}`, { role: 'manager' });
    expect(selfDemote.statusCode).toBe(409);
    expect(selfDemote.json().error.code).toBe('staff_self_change');
    const selfDeactivate = await admin.post(`/api/v1/staff-users/${l.admin.id}/deactivate`);
    expect(selfDeactivate.json().error.code).toBe('staff_self_change');
    // Renaming oneself is fine.
    expect((await admin.patch(`/api/v1/staff-users/${l.admin.id}`, { name: 'Admin Renamed' })).statusCode).toBe(200);

    // With a second admin, either may demote the other.
    await admin.patch(`/api/v1/staff-users/${l.manager.id}`, { role: 'admin' });
    const second = await signIn(t.app, 'staff', l.manager.email);
    expect((await second.patch(`/api/v1/staff-users/${l.admin.id}`, { role: 'manager' })).statusCode).toBe(200);
    // The demoted first admin's next request has the new role: staff management is closed to them.
    expect((await admin.get('/api/v1/staff-users')).statusCode).toBe(403);
  });

  it('the last active admin cannot be demoted or deactivated (409 last_admin), whoever asks', async () => {
    const l = await makeLandlord(t.app);
    // An admin actor that is not the target (as an integrator's key or the system will be): only the guard speaks.
    const outsider = {
      kind: 'staff' as const,
      id: crypto.randomUUID(),
      landlordId: l.landlord.id,
      role: 'admin' as const,
      name: 'Key',
      email: 'k@x',
    };
    const { deactivateStaff, updateStaff } = await import('./service');
    await expect(deactivateStaff(t.deps, outsider, l.admin.id)).rejects.toMatchObject({ statusCode: 409, code: 'last_admin' });
    await expect(updateStaff(t.deps, outsider, l.admin.id, { role: 'finance' })).rejects.toMatchObject({ code: 'last_admin' });
    // An invited (not yet accepted) admin does not count as active.
    const admin = await signIn(t.app, 'staff', l.admin.email);
    await invite(admin, { email: email(), name: 'Pending Admin', role: 'admin' });
    await expect(deactivateStaff(t.deps, outsider, l.admin.id)).rejects.toMatchObject({ code: 'last_admin' });
  });

  it('two admins deactivating each other at the same moment leave one active admin', async () => {
    const l = await makeLandlord(t.app);
    const a = await signIn(t.app, 'staff', l.admin.email);
    await a.patch(`/api/v1/staff-users/${l.manager.id}`, { role: 'admin' });
    const b = await signIn(t.app, 'staff', l.manager.email);
    const [ra, rb] = await Promise.all([
      a.post(`/api/v1/staff-users/${l.manager.id}/deactivate`),
      b.post(`/api/v1/staff-users/${l.admin.id}/deactivate`),
    ]);
    expect([ra.statusCode, rb.statusCode].filter((s) => s === 200)).toHaveLength(1);
    const refused = [ra, rb].find((r) => r.statusCode !== 200)!;
    expect(refused.statusCode, refused.body).toBeOneOf([401, 409]);
    const { lockActiveAdmins } = await import('./repo');
    expect(await lockActiveAdmins(t.app.db, l.landlord.id)).toHaveLength(1);
  });
});

describe('who may do it', () => {
  it('non-admins get 403 on every staff route; a staff id of another landlord is 404', async () => {
    const l = await makeLandlord(t.app);
    const other = await makeLandlord(t.app);
    for (const who of [l.manager.email, l.technician.email]) {
      const c = await signIn(t.app, 'staff', who);
      expect((await c.get('/api/v1/staff-users')).statusCode).toBe(403);
      expect((await c.post('/api/v1/staff-users', { email: email(), name: 'X', role: 'admin' })).statusCode).toBe(403);
      expect((await c.patch(`/api/v1/staff-users/${l.technician.id}`, { role: 'admin' })).statusCode).toBe(403);
      expect((await c.post(`/api/v1/staff-users/${l.admin.id}/deactivate`)).statusCode).toBe(403);
      expect((await c.get(`/api/v1/history/staff_user/${l.admin.id}`)).statusCode).toBe(403);
    }
    const admin = await signIn(t.app, 'staff', l.admin.email);
    for (const res of [
      await admin.get(`/api/v1/staff-users/${other.manager.id}`),
      await admin.patch(`/api/v1/staff-users/${other.manager.id}`, { role: 'admin' }),
      await admin.post(`/api/v1/staff-users/${other.manager.id}/deactivate`),
      await admin.post(`/api/v1/staff-users/${other.manager.id}/invitation/resend`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.resource).toBe('staff_user');
    }
  });
});

describe('a colleague’s phone (issue 12 §4)', () => {
  it('an admin sets, shows and clears it; bad numbers are 400 on the phone field; non-admins 403; another landlord’s 404', async () => {
    const l = await makeLandlord(t.app);
    const other = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const set = await admin.patch(`/api/v1/staff-users/${l.manager.id}`, { phone: '+46 8-123 456 78' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ id: l.manager.id, phone: '+46 8-123 456 78', role: 'manager' });
    expect((await admin.get(`/api/v1/staff-users/${l.manager.id}`)).json().phone).toBe('+46 8-123 456 78');
    const changes = (await history(admin, l.manager.id))[0]!.changes;
    expect(changes.phone).toEqual({ from: null, to: '+46 8-123 456 78' });
    // An admin may set their own.
    expect((await admin.patch(`/api/v1/staff-users/${l.admin.id}`, { phone: '0701234567' })).json().phone).toBe('0701234567');

    for (const phone of ['call me', '12', '+46 8 123 456 78 90 12 34', 46701234567]) {
      const bad = await admin.patch(`/api/v1/staff-users/${l.manager.id}`, { phone });
      expect(bad.statusCode, String(phone)).toBe(400);
      expect(bad.json().error.code).toBe('validation_failed');
      expect((bad.json().error.issues as { path: string }[]).map((i) => i.path)).toEqual(['phone']);
    }
    expect((await admin.get(`/api/v1/staff-users/${l.manager.id}`)).json().phone).toBe('+46 8-123 456 78');

    const cleared = await admin.patch(`/api/v1/staff-users/${l.manager.id}`, { phone: null });
    expect(cleared.json().phone).toBeNull();

    const manager = await signIn(t.app, 'staff', l.manager.email);
    expect((await manager.patch(`/api/v1/staff-users/${l.manager.id}`, { phone: '0701234567' })).statusCode).toBe(403);
    const foreign = await admin.patch(`/api/v1/staff-users/${other.manager.id}`, { phone: '0701234567' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.resource).toBe('staff_user');
  });
});

describe('the list', () => {
  it('keyset pages in name order, searches name and e-mail, filters role and status', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    for (let i = 0; i < 5; i++) await invite(admin, { email: `zz${i}-${l.landlord.id}@staff.test`, name: `Zed ${i}`, role: 'technician' });
    const page1 = (await admin.get('/api/v1/staff-users?limit=3')).json();
    expect(page1.items).toHaveLength(3);
    expect(page1.total).toBe(8);
    const page2 = (await admin.get(`/api/v1/staff-users?limit=3&cursor=${page1.nextCursor}`)).json();
    const names = [...page1.items, ...page2.items].map((s: { name: string }) => s.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await admin.get('/api/v1/staff-users?q=zz3')).json().items.map((s: { name: string }) => s.name)).toEqual(['Zed 3']);
    expect((await admin.get('/api/v1/staff-users?q=Zed&status=invited')).json().total).toBe(5);
    expect((await admin.get('/api/v1/staff-users?status=active')).json().total).toBe(3);
    expect((await admin.get('/api/v1/staff-users?role=manager')).json().items.map((s: { id: string }) => s.id)).toEqual([l.manager.id]);
    expect((await admin.get('/api/v1/staff-users?status=nope')).statusCode).toBe(400);
  });
});

describe('what happens to a deactivated colleague’s work (decision 9T2)', () => {
  it('new cases of their property wait unassigned; the picker leaves them out; assigning to them is refused', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const report = async () =>
      (await tenant.post('/api/v1/portal/cases', { title: 'Dörren', description: 'Kärvar', type: 'fault', leaseId: l.office.id })).json();
    // Routed to the property's manager while active…
    const before = await report();
    expect(before.assignee?.id).toBe(l.manager.id);
    await admin.post(`/api/v1/staff-users/${l.manager.id}/deactivate`);
    // …unassigned once deactivated; the old case keeps its assignee, shown by name.
    expect((await report()).assignee).toBeNull();
    expect((await admin.get(`/api/v1/cases/${before.id}`)).json().assignee).toMatchObject({ id: l.manager.id, name: l.manager.name });
    const picker = (await admin.get('/api/v1/staff')).json().items.map((s: { id: string }) => s.id);
    expect(picker).not.toContain(l.manager.id);
    expect(picker).toContain(l.technician.id);
    const assign = await admin.post(`/api/v1/cases/${before.id}/assign`, { assigneeId: l.manager.id });
    expect(assign.statusCode).toBe(404);
  });
});
