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
    expect(broken.json().error.code).toBe('validation_failed');
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

  it('answers the same for an unknown address and queues nothing', async () => {
    const res = await new Client(t.app).post('/api/v1/auth/portal/password-reset', { email: 'ghost@nowhere.test' });
    expect(res.statusCode).toBe(202);
    expect(await outboxFor(t.app, 'ghost@nowhere.test')).toHaveLength(0);
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

describe('language preference', () => {
  it('stores the chosen language on the user', async () => {
    const client = await signIn(t.app, 'portal', l.companyUser.email);
    const res = await client.patch('/api/v1/auth/portal/me', { locale: 'da' });
    expect(res.json().locale).toBe('da');
    expect((await client.patch('/api/v1/auth/portal/me', { locale: 'de' })).statusCode).toBe(400);
  });
});
