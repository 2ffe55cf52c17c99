import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeLandlord, outboxFor, PASSWORD, signIn, tokenFromLink } from '../../../test/helpers';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A client holding only the access cookie another one was given: what a stolen or leftover cookie can do. */
function withAccessOf(client: Client, audience: 'staff' | 'portal') {
  const copy = new Client(t.app);
  copy.cookies.set(`portico_${audience}_at`, client.cookies.get(`portico_${audience}_at`)!);
  copy.customerId = client.customerId;
  return copy;
}

// Each case: the access cookie works, the event happens, and the same cookie is refused at once.
describe('ending a session ends access at once, not when the access token expires', () => {
  it('signing out', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const leftover = withAccessOf(staff, 'staff');
    expect((await leftover.get('/api/v1/auth/staff/me')).statusCode).toBe(200);
    expect((await staff.post('/api/v1/auth/staff/logout')).statusCode).toBe(200);
    const res = await leftover.get('/api/v1/auth/staff/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
    expect((await leftover.get('/api/v1/customers')).statusCode).toBe(401);
  });

  it('signing out with only the access cookie (the refresh cookie lost) still ends the session', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const onlyAccess = withAccessOf(tenant, 'portal');
    expect((await onlyAccess.post('/api/v1/auth/portal/logout')).statusCode).toBe(200);
    expect((await tenant.get('/api/v1/portal/threads')).statusCode).toBe(401);
    expect((await tenant.post('/api/v1/auth/portal/refresh')).statusCode).toBe(401);
  });

  it('signing out a device from another one', async () => {
    const l = await makeLandlord(t.app);
    const phone = await signIn(t.app, 'portal', l.companyUser.email);
    const laptop = await signIn(t.app, 'portal', l.companyUser.email);
    expect((await phone.get('/api/v1/portal/threads')).statusCode).toBe(200);
    const devices = (await laptop.get('/api/v1/auth/portal/sessions')).json().items as { id: string; current: boolean }[];
    const other = devices.find((d) => !d.current)!;
    expect((await laptop.request('DELETE', `/api/v1/auth/portal/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await phone.get('/api/v1/portal/threads')).statusCode).toBe(401);
    expect((await phone.get('/api/v1/auth/portal/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/portal/threads')).statusCode).toBe(200);
  });

  it('changing the password signs out the other devices, not this one', async () => {
    const l = await makeLandlord(t.app);
    const here = await signIn(t.app, 'portal', l.companyUser.email);
    const elsewhere = await signIn(t.app, 'portal', l.companyUser.email);
    expect((await elsewhere.get('/api/v1/auth/portal/me')).statusCode).toBe(200);
    const changed = await here.post('/api/v1/auth/portal/password', { currentPassword: PASSWORD, newPassword: 'a new long passphrase' });
    expect(changed.statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/portal/me')).statusCode).toBe(401);
    expect((await elsewhere.get('/api/v1/portal/threads')).statusCode).toBe(401);
    expect((await here.get('/api/v1/portal/threads')).statusCode).toBe(200);
  });

  it('resetting the password signs out every device', async () => {
    const l = await makeLandlord(t.app);
    const desk = await signIn(t.app, 'staff', l.manager.email);
    const phone = await signIn(t.app, 'staff', l.manager.email);
    await new Client(t.app).post('/api/v1/auth/staff/password-reset', { email: l.manager.email });
    const link = ((await outboxFor(t.app, l.manager.email)).at(-1)!.payload as { link: string }).link;
    const ok = await new Client(t.app).post('/api/v1/auth/staff/password-reset/confirm', {
      token: tokenFromLink(link),
      password: 'a brand new passphrase',
    });
    expect(ok.statusCode).toBe(200);
    for (const client of [desk, phone]) {
      expect((await client.get('/api/v1/auth/staff/me')).statusCode).toBe(401);
      expect((await client.get('/api/v1/customers')).statusCode).toBe(401);
    }
  });

  it('a replayed refresh token revokes the family, and the owner’s access with it', async () => {
    const l = await makeLandlord(t.app);
    const owner = await signIn(t.app, 'staff', l.admin.email);
    const stolen = owner.cookies.get('portico_staff_rt')!;
    expect((await owner.post('/api/v1/auth/staff/refresh')).statusCode).toBe(200);
    expect((await owner.get('/api/v1/auth/staff/me')).statusCode).toBe(200);
    const thief = new Client(t.app);
    thief.cookies.set('portico_staff_rt', stolen);
    expect((await thief.post('/api/v1/auth/staff/refresh')).statusCode).toBe(401);
    expect((await owner.get('/api/v1/auth/staff/me')).statusCode).toBe(401);
  });

  it('a refresh keeps the device signed in: the new access token names the same, still live family', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const before = withAccessOf(tenant, 'portal');
    expect((await tenant.post('/api/v1/auth/portal/refresh')).statusCode).toBe(200);
    // The access token issued before the refresh still belongs to the live family.
    expect((await before.get('/api/v1/portal/threads')).statusCode).toBe(200);
    expect((await tenant.get('/api/v1/portal/threads')).statusCode).toBe(200);
  });
});
