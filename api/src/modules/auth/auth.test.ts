import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeLandlord, outboxFor, PASSWORD, signIn, type TestLandlord, tokenFromLink } from '../../../test/helpers';
import { assertPasswordAllowed, isCommonPassword } from './passwords';

let t: Awaited<ReturnType<typeof createTestApp>>;
let l: TestLandlord;
beforeAll(async () => {
  t = await createTestApp();
  l = await makeLandlord(t.app);
});
afterAll(() => t.close());

describe('staff sign-in', () => {
  it('signs in, sets httpOnly SameSite cookies and answers /me', async () => {
    const client = new Client(t.app);
    const res = await client.post('/api/v1/auth/staff/login', { email: l.admin.email.toUpperCase(), password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: l.admin.email, role: 'admin', landlord: { id: l.landlord.id } });
    const access = res.cookies.find((c) => c.name === 'portico_staff_at')!;
    expect(access).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(res.cookies.find((c) => c.name === 'portico_staff_rt')).toMatchObject({ httpOnly: true, path: '/api/v1/auth/staff' });
    const me = await client.get('/api/v1/auth/staff/me');
    expect(me.json().id).toBe(l.admin.id);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const client = new Client(t.app);
    const wrong = await client.post('/api/v1/auth/staff/login', { email: l.admin.email, password: 'not-the-password-at-all' });
    const unknown = await client.post('/api/v1/auth/staff/login', { email: 'nobody@nowhere.test', password: 'not-the-password-at-all' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('keeps staff and portal audiences apart', async () => {
    const staff = await signIn(t.app, 'staff', l.admin.email);
    expect((await staff.get('/api/v1/portal/threads')).statusCode).toBe(401);
    expect((await staff.get('/api/v1/auth/portal/me')).statusCode).toBe(401);
    // A staff e-mail is not a portal account.
    expect((await new Client(t.app).post('/api/v1/auth/portal/login', { email: l.admin.email, password: PASSWORD })).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/staff/login',
      payload: { email: l.admin.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('answers errors in the language asked for', async () => {
    const res = await new Client(t.app).post(
      '/api/v1/auth/staff/login',
      { email: 'x@y.test', password: 'whatever-it-is' },
      { 'accept-language': 'sv-SE,sv;q=0.9' },
    );
    expect(res.json().error.message).toBe('E-postadressen eller användarnamnet, eller lösenordet, är fel.');
  });

  it('answers bad input with 400 and the issues', async () => {
    const res = await new Client(t.app).post('/api/v1/auth/staff/login', { email: 42, password: 3 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['email', 'password']));
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/staff/login',
      headers: { 'x-portico-csrf': '1', 'content-type': 'application/json' },
      payload: '{nope',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('malformed_request');
  });
});

describe('refresh tokens', () => {
  it('rotates, and a replayed old token revokes the whole family', async () => {
    const client = await signIn(t.app, 'staff', l.manager.email);
    const first = client.cookies.get('portico_staff_rt')!;
    const refreshed = await client.post('/api/v1/auth/staff/refresh');
    expect(refreshed.statusCode).toBe(200);
    const second = client.cookies.get('portico_staff_rt')!;
    expect(second).not.toBe(first);

    const thief = new Client(t.app);
    thief.cookies.set('portico_staff_rt', first);
    expect((await thief.post('/api/v1/auth/staff/refresh')).statusCode).toBe(401);
    // The owner's current token died with the family.
    expect((await client.post('/api/v1/auth/staff/refresh')).statusCode).toBe(401);
  });

  it('logout revokes the refresh token', async () => {
    const client = await signIn(t.app, 'staff', l.manager.email);
    const token = client.cookies.get('portico_staff_rt')!;
    expect((await client.post('/api/v1/auth/staff/logout')).statusCode).toBe(200);
    const replay = new Client(t.app);
    replay.cookies.set('portico_staff_rt', token);
    expect((await replay.post('/api/v1/auth/staff/refresh')).statusCode).toBe(401);
  });

  it('refuses a tampered access token', async () => {
    const client = await signIn(t.app, 'staff', l.admin.email);
    client.cookies.set('portico_staff_at', `${client.cookies.get('portico_staff_at')}x`);
    const res = await client.get('/api/v1/auth/staff/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });
});

describe('password policy', () => {
  it('standard: length 12–128, no composition rules, common passwords refused', () => {
    expect(() => assertPasswordAllowed('short-pass1', 'standard')).toThrow('password_too_short');
    expect(() => assertPasswordAllowed('a'.repeat(129), 'standard')).toThrow('password_too_long');
    expect(() => assertPasswordAllowed('correcthorsebatterystaple', 'standard')).not.toThrow();
    expect(isCommonPassword('Password1234')).toBe(true);
    expect(() => assertPasswordAllowed('password1234', 'standard')).toThrow('password_too_common');
  });

  it('classic: 8+ with upper, lower, digit and symbol (seed 001)', () => {
    expect(() => assertPasswordAllowed('Abc!234', 'classic')).toThrow('password_too_short');
    expect(() => assertPasswordAllowed('abcd!2345', 'classic')).toThrow('password_needs_upper');
    expect(() => assertPasswordAllowed('ABCD!2345', 'classic')).toThrow('password_needs_lower');
    expect(() => assertPasswordAllowed('Abcd!efgh', 'classic')).toThrow('password_needs_digit');
    expect(() => assertPasswordAllowed('Abcd12345', 'classic')).toThrow('password_needs_symbol');
    expect(() => assertPasswordAllowed('Tr0ub4dor&3x', 'classic')).not.toThrow();
    expect(() => assertPasswordAllowed('P@ssw0rd', 'classic')).toThrow('password_too_common');
  });
});

describe('password reset', () => {
  it('mails a single-use link, sets the new password and signs out other sessions', async () => {
    const other = await signIn(t.app, 'staff', l.technician.email);
    const res = await new Client(t.app).post('/api/v1/auth/staff/password-reset', { email: l.technician.email });
    expect(res.statusCode).toBe(202);
    const [mail] = await outboxFor(t.app, l.technician.email);
    expect(mail?.payload).toMatchObject({
      template: 'password_reset',
      link: expect.stringContaining('http://admin.test/reset-password?token='),
    });
    const token = tokenFromLink((mail!.payload as { link: string }).link);

    const weak = await new Client(t.app).post('/api/v1/auth/staff/password-reset/confirm', { token, password: 'short' });
    expect(weak.json().error).toMatchObject({ code: 'password_too_short', message: 'The password must be at least 12 characters long.' });
    // The refused attempt rolled back: the token still works.
    const ok = await new Client(t.app).post('/api/v1/auth/staff/password-reset/confirm', { token, password: 'a brand new passphrase' });
    expect(ok.statusCode).toBe(200);
    const again = await new Client(t.app).post('/api/v1/auth/staff/password-reset/confirm', { token, password: 'another new passphrase' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('reset_token_invalid');

    expect((await other.post('/api/v1/auth/staff/refresh')).statusCode).toBe(401);
    await signIn(t.app, 'staff', l.technician.email, 'a brand new passphrase');
  });

  it('does the same for a known and an unknown address: same answer, one e-mail each, a link only for the account', async () => {
    for (const audience of ['staff', 'portal'] as const) {
      const fresh = await makeLandlord(t.app);
      const known = audience === 'staff' ? fresh.manager.email : fresh.companyUser.email;
      const unknown = `ghost-${fresh.landlord.id}@nowhere.test`;
      const url = `/api/v1/auth/${audience}/password-reset`;
      const a = await new Client(t.app).post(url, { email: known });
      const b = await new Client(t.app).post(url, { email: unknown });
      expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
      expect(a.body).toBe(b.body);
      const [toKnown, toUnknown] = [await outboxFor(t.app, known), await outboxFor(t.app, unknown)];
      expect(toKnown).toHaveLength(1);
      expect(toUnknown).toHaveLength(1);
      expect(toKnown[0]!.payload).toMatchObject({ template: 'password_reset', link: expect.stringContaining('token=') });
      expect(toUnknown[0]!.payload).toEqual({
        template: 'password_reset_no_account',
        to: unknown,
        locale: 'en',
        landlordName: 'Portico',
        audience,
      });
    }
  });

  it('limits requests per address, known or not, with the same answer', async () => {
    const fresh = await makeLandlord(t.app);
    for (const email of [fresh.companyUser.email, `nobody-${fresh.landlord.id}@nowhere.test`]) {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await new Client(t.app).post('/api/v1/auth/portal/password-reset', { email })).statusCode);
      expect(codes).toEqual([202, 202, 202, 202, 202, 429]);
      expect(await outboxFor(t.app, email)).toHaveLength(5);
    }
  });
});

describe('portal switched off', () => {
  it('tells a tenant with the right password that the portal is closed, and a wrong password nothing more', async () => {
    const closed = await makeLandlord(t.app, { portalEnabled: false });
    const login = (password: string) => new Client(t.app).post('/api/v1/auth/portal/login', { email: closed.companyUser.email, password });
    const right = await login(PASSWORD);
    expect(right.statusCode).toBe(403);
    expect(right.json().error.code).toBe('portal_disabled');
    expect(right.cookies.find((c) => c.name === 'portico_portal_at')).toBeUndefined();
    const wrong = await login('not-the-password-at-all');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });
});

describe('rate limiting', () => {
  it('limits login attempts per client and account', async () => {
    const limited = await createTestApp({ AUTH_RATE_LIMIT: '3' });
    try {
      const client = new Client(limited.app);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (await client.post('/api/v1/auth/staff/login', { email: `rl-${l.landlord.id}@x.test`, password: 'wrong-password-here' }))
            .statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429]);
      const last = await client.post('/api/v1/auth/staff/login', { email: `rl-${l.landlord.id}@x.test`, password: 'wrong-password-here' });
      expect(last.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('rate limits key on the route and the account', () => {
  it('does not start a new bucket for a query string', async () => {
    const limited = await createTestApp({ AUTH_RATE_LIMIT: '3' });
    try {
      const client = new Client(limited.app);
      const email = `qs-${l.landlord.id}@x.test`;
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push((await client.post(`/api/v1/auth/staff/login?x=${i}`, { email, password: 'wrong-password-here' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const reset = (q: string) => client.post(`/api/v1/auth/staff/password-reset${q}`, { email });
      expect([(await reset('')).statusCode, (await reset('?a')).statusCode, (await reset('?b')).statusCode]).toEqual([202, 202, 202]);
      expect((await reset('?c')).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('limits failed sign-ins per account however many client addresses they come from', async () => {
    const fresh = await makeLandlord(t.app);
    const attempt = (remoteAddress: string, email: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/portal/login',
        remoteAddress,
        headers: { 'x-portico-csrf': '1' },
        payload: { email, password },
      });
    const codes: number[] = [];
    // Five addresses, two guesses each: ten failures, each address far below the per-client limit.
    for (let round = 0; round < 2; round++)
      for (let i = 1; i <= 5; i++)
        codes.push((await attempt(`10.0.0.${i}`, fresh.companyUser.email, `guess-${round}-${i}-xxxx`)).statusCode);
    expect(codes).toEqual(Array(10).fill(401));
    const blocked = await attempt('10.0.0.6', fresh.companyUser.email.toUpperCase(), 'another-guess-xxxx');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    // Refused before the password is checked, so the right one is refused too (for this window only).
    expect((await attempt('10.0.0.7', fresh.companyUser.email, PASSWORD)).statusCode).toBe(429);
    // Other accounts are not affected.
    expect((await attempt('10.0.0.6', fresh.household.contacts[0]!.email!, 'x-guess-xxxx')).statusCode).toBe(401);
  });

  it('does not hold earlier typos against the owner after a successful sign-in', async () => {
    const fresh = await makeLandlord(t.app);
    const login = (password: string) => new Client(t.app).post('/api/v1/auth/staff/login', { email: fresh.admin.email, password });
    for (let i = 0; i < 9; i++) expect((await login(`typo-${i}-xxxxxxxx`)).statusCode).toBe(401);
    expect((await login(PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) expect((await login(`typo-${i}-xxxxxxxx`)).statusCode).toBe(401);
    expect((await login(PASSWORD)).statusCode).toBe(200);
  });
});

describe('language preference', () => {
  it('stores the chosen language on the user', async () => {
    const client = await signIn(t.app, 'portal', l.companyUser.email);
    const res = await client.patch('/api/v1/auth/portal/me', { locale: 'da' });
    expect(res.json().locale).toBe('da');
    expect((await client.patch('/api/v1/auth/portal/me', { locale: 'de' })).statusCode).toBe(400);
  });
});
