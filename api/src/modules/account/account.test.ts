import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeLandlord, outboxFor, PASSWORD, signIn, tokenFromLink } from '../../../test/helpers';
import { customerContacts } from '../../db/schema/customers';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('devices (seed 002: once per device)', () => {
  it('remembers a device only when asked, lists devices and signs one out', async () => {
    const l = await makeLandlord(t.app);
    const phone = new Client(t.app);
    const res = await phone.post(
      '/api/v1/auth/portal/login',
      { email: l.companyUser.email, password: PASSWORD, remember: true },
      { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/130 Mobile Safari/537' },
    );
    expect(res.cookies.find((c) => c.name === 'portico_portal_rt')?.maxAge).toBe(90 * 86400);
    const laptop = await signIn(t.app, 'portal', l.companyUser.email);
    const session = (await laptop.post('/api/v1/auth/portal/refresh')).cookies.find((c) => c.name === 'portico_portal_rt');
    expect(session?.maxAge).toBeUndefined();

    const devices = (await laptop.get('/api/v1/auth/portal/sessions')).json().items;
    expect(devices).toHaveLength(2);
    const remembered = devices.find((d: { remembered: boolean }) => d.remembered);
    expect(remembered).toMatchObject({ device: 'Chrome on Android', current: false });
    expect(devices.find((d: { current: boolean }) => d.current)).toBeTruthy();

    expect((await laptop.request('DELETE', `/api/v1/auth/portal/sessions/${remembered.id}`)).statusCode).toBe(200);
    expect((await phone.post('/api/v1/auth/portal/refresh')).statusCode).toBe(401);
    // Another person's device id is unknown here.
    const other = await makeLandlord(t.app);
    const stranger = await signIn(t.app, 'portal', other.companyUser.email);
    const mine = (await laptop.get('/api/v1/auth/portal/sessions')).json().items[0].id;
    expect((await stranger.request('DELETE', `/api/v1/auth/portal/sessions/${mine}`)).statusCode).toBe(404);
  });
});

describe('account settings (seed 004)', () => {
  it('changes the password with the current one and signs out the other devices', async () => {
    const l = await makeLandlord(t.app);
    const here = await signIn(t.app, 'portal', l.companyUser.email);
    const elsewhere = await signIn(t.app, 'portal', l.companyUser.email);
    const wrong = await here.post('/api/v1/auth/portal/password', {
      currentPassword: 'not it at all',
      newPassword: 'a new long passphrase',
    });
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect((await here.post('/api/v1/auth/portal/password', { currentPassword: PASSWORD, newPassword: 'short' })).json().error.code).toBe(
      'password_too_short',
    );
    expect(
      (await here.post('/api/v1/auth/portal/password', { currentPassword: PASSWORD, newPassword: 'a new long passphrase' })).statusCode,
    ).toBe(200);
    expect((await elsewhere.post('/api/v1/auth/portal/refresh')).statusCode).toBe(401);
    expect((await here.post('/api/v1/auth/portal/refresh')).statusCode).toBe(200);
  });

  it('changes the e-mail only when the new address is activated; the old one is told; staff see it at once', async () => {
    const l = await makeLandlord(t.app);
    const client = await signIn(t.app, 'portal', l.companyUser.email);
    const newEmail = `moved-${l.landlord.id}@new.test`;
    const started = await client.post('/api/v1/auth/portal/email-change', { newEmail, password: PASSWORD });
    expect(started.statusCode).toBe(202);
    expect((await client.get('/api/v1/auth/portal/me')).json()).toMatchObject({ email: l.companyUser.email, pendingEmail: newEmail });
    expect((await outboxFor(t.app, l.companyUser.email)).at(-1)!.payload).toMatchObject({ template: 'email_change_notice', newEmail });
    const link = ((await outboxFor(t.app, newEmail))[0]!.payload as { link: string }).link;
    expect(link).toMatch(/^http:\/\/tenant\.test\/confirm-email\?token=/);

    const confirm = await new Client(t.app).post('/api/v1/auth/portal/email-change/confirm', { token: tokenFromLink(link) });
    expect(confirm.statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/portal/me')).json()).toMatchObject({ email: newEmail, pendingEmail: null });
    await signIn(t.app, 'portal', newEmail);
    const [contact] = await t.app.db.select().from(customerContacts).where(eq(customerContacts.id, l.company.contacts[0]!.id));
    expect(contact!.email).toBe(newEmail);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const customer = (await staff.get(`/api/v1/customers/${l.company.customer.id}`)).json();
    expect(customer.contacts.map((c: { email: string }) => c.email)).toContain(newEmail);

    expect(
      (await new Client(t.app).post('/api/v1/auth/portal/email-change/confirm', { token: tokenFromLink(link) })).json().error.code,
    ).toBe('email_change_invalid');
  });

  it('answers an address another account uses like a free one, tells its owner, and never changes it', async () => {
    const l = await makeLandlord(t.app);
    const other = await makeLandlord(t.app);
    const client = await signIn(t.app, 'portal', l.companyUser.email);
    const free = `free-${l.landlord.id}@new.test`;
    const toFree = await client.post('/api/v1/auth/portal/email-change', { newEmail: free, password: PASSWORD });
    const toTaken = await client.post('/api/v1/auth/portal/email-change', { newEmail: other.companyUser.email, password: PASSWORD });
    expect([toFree.statusCode, toTaken.statusCode]).toEqual([202, 202]);
    expect(Object.keys(toTaken.json())).toEqual(Object.keys(toFree.json()));
    expect(toTaken.json().pendingEmail).toBe(other.companyUser.email);
    // The owner is told; no activation link is made for the taken address.
    const toOwner = await outboxFor(t.app, other.companyUser.email);
    expect(toOwner.map((m) => (m.payload as { template: string }).template)).toEqual(['email_in_use']);
    expect(toOwner[0]!.payload).toMatchObject({
      landlordName: l.landlord.name,
      link: `http://tenant.test/login?landlord=${l.landlord.id}`,
    });
    expect((await outboxFor(t.app, free)).map((m) => (m.payload as { template: string }).template)).toEqual(['email_change_activation']);
    // The old address hears of both requests alike.
    const notices = (await outboxFor(t.app, l.companyUser.email)).filter(
      (m) => (m.payload as { template: string }).template === 'email_change_notice',
    );
    expect(notices).toHaveLength(2);
    expect((await client.get('/api/v1/auth/portal/me')).json().email).toBe(l.companyUser.email);
  });

  it('keeps notification preferences per kind and channel, and profile fields', async () => {
    const l = await makeLandlord(t.app);
    const client = await signIn(t.app, 'portal', l.companyUser.email);
    const defaults = (await client.get('/api/v1/auth/portal/preferences')).json();
    expect(defaults.messages).toEqual({ email: true, sms: false });
    const wanted = { ...defaults, cases: { email: false, sms: true } };
    expect((await client.put('/api/v1/auth/portal/preferences', wanted)).json()).toEqual(wanted);
    expect((await client.get('/api/v1/auth/portal/preferences')).json()).toEqual(wanted);
    expect((await client.put('/api/v1/auth/portal/preferences', { messages: { email: 'yes' } })).statusCode).toBe(400);
    const me = await client.patch('/api/v1/auth/portal/me', { name: 'Renamed Person', phone: '+46 70 123 45 67' });
    expect(me.json()).toMatchObject({ name: 'Renamed Person', phone: '+46 70 123 45 67' });
  });
});

describe('preferences are honoured', () => {
  it('sends no message e-mail to a person who turned them off', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const prefs = (await tenant.get('/api/v1/auth/portal/preferences')).json();
    await tenant.put('/api/v1/auth/portal/preferences', { ...prefs, messages: { email: false, sms: false } });
    const staff = await signIn(t.app, 'staff', l.admin.email);
    await staff.post('/api/v1/threads', {
      customerId: l.company.customer.id,
      leaseId: l.office.id,
      subject: 'Quiet',
      body: 'No e-mail for you',
    });
    expect(await outboxFor(t.app, l.companyUser.email)).toHaveLength(0);
    // The unregistered colleague still gets the text with an invitation (seed 000).
    expect(await outboxFor(t.app, l.company.contacts[1]!.email!)).toHaveLength(1);
    expect((await tenant.get('/api/v1/portal/threads?box=inbox')).json().total).toBe(1);
  });
});
