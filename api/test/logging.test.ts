import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodObject } from 'zod';
import { maskUrl } from '../src/log';
import { type Client, createTestApp, makeLandlord, signIn, type TestLandlord } from './helpers';

/** Every JSON line the app writes, as text and parsed. */
const written: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    written.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});
const lines = () => written.map((l) => JSON.parse(l) as Record<string, unknown> & { req?: { url?: string; route?: string } });
const lineOf = (reqId: string) => lines().find((l) => l.reqId === reqId && l.msg === 'request completed');

let t: Awaited<ReturnType<typeof createTestApp>>;
let l: TestLandlord;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'info' }, { logStream });
  l = await makeLandlord(t.app);
  admin = await signIn(t.app, 'staff', l.admin.email);
});
afterAll(() => t.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request id', () => {
  it('echoes a sane x-request-id, on success, 404, and a refused request alike', async () => {
    const ok = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'lb-7f3a.9_x' } });
    expect(ok.headers['x-request-id']).toBe('lb-7f3a.9_x');
    const missing = await t.app.inject({ url: '/api/v1/no-such-route', headers: { 'x-request-id': 'abc-404' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-request-id']).toBe('abc-404');
    // No CSRF header: refused by the auth plugin's onRequest hook.
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/customers', payload: {}, headers: { 'x-request-id': 'abc-403' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['x-request-id']).toBe('abc-403');
  });

  it('answers a fresh UUID when none came, or when the one that came is not sane', async () => {
    const none = await t.app.inject({ url: '/api/health' });
    expect(none.headers['x-request-id']).toMatch(UUID);
    for (const bad of ['a b', 'x'.repeat(65), '<script>', '']) {
      const res = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
    const a = await t.app.inject({ url: '/api/health' });
    expect(a.headers['x-request-id']).not.toBe(none.headers['x-request-id']);
  });
});

describe('request log lines', () => {
  it('one line per request with reqId, landlordId and the actor kind, and no cookie value', async () => {
    const res = await admin.get('/api/v1/customers', { 'x-request-id': 'staff-list-1' });
    expect(res.statusCode).toBe(200);
    const line = lineOf('staff-list-1');
    expect(line).toMatchObject({
      level: 'info',
      landlordId: l.landlord.id,
      actor: 'staff',
      req: { method: 'GET', url: '/api/v1/customers', route: '/api/v1/customers' },
      res: { statusCode: 200 },
    });
    expect(typeof line?.responseTime).toBe('number');
    expect(lines().filter((x) => x.reqId === 'staff-list-1')).toHaveLength(1);
    const text = written.join('\n');
    expect(admin.cookies.size).toBeGreaterThan(0);
    for (const value of admin.cookies.values()) expect(text).not.toContain(value);
    // Names and e-mail addresses of the actor are not bound.
    expect(JSON.stringify(line)).not.toContain(l.admin.email);
  });

  it('an API key request logs its landlord, never the bearer key', async () => {
    const created = await admin.post('/api/v1/api-keys', { name: 'log test', scopes: ['customers:read'] });
    expect(created.statusCode, created.body).toBe(201);
    const { secret } = created.json() as { secret: string };
    const res = await t.app.inject({
      url: '/api/v1/customers',
      headers: { authorization: `Bearer ${secret}`, 'x-request-id': 'key-list-1' },
    });
    expect(res.statusCode).toBe(200);
    expect(lineOf('key-list-1')).toMatchObject({ landlordId: l.landlord.id, actor: 'api_key' });
    // A wrong key is logged (401) without its value either.
    const wrong = `ptk_${'Q'.repeat(43)}`;
    const refused = await t.app.inject({
      url: '/api/v1/customers',
      headers: { authorization: `Bearer ${wrong}`, 'x-request-id': 'key-bad-1' },
    });
    expect(refused.statusCode).toBe(401);
    expect(lineOf('key-bad-1')).toMatchObject({ res: { statusCode: 401 } });
    const text = written.join('\n');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(wrong);
  });

  it('masks tokens in URLs: invitation paths, reset and confirmation links, the e-ID callback', async () => {
    const token = 'inv1tati0nT0kenSecretValue';
    const cases = [
      [`/api/v1/auth/invitations/${token}`, '/api/v1/auth/invitations/***'],
      [`/api/v1/auth/staff/invitations/${token}`, '/api/v1/auth/staff/invitations/***'],
      [`/reset-password?token=${token}`, '/reset-password?token=***'],
      [`/invitation/${token}`, '/invitation/***'],
      [`/signup/verify?signup=abc&token=${token}`, '/signup/verify?signup=abc&token=***'],
      [`/api/v1/auth/portal/eid/callback?code=${token}&state=${token}x`, '/api/v1/auth/portal/eid/callback?code=***&state=***'],
    ];
    for (const [i, [url]] of cases.entries()) {
      await t.app.inject({ url: url!, headers: { 'x-request-id': `mask-${i}`, cookie: `portico_portal_at=${token}c` } });
    }
    for (const [i, [, masked]] of cases.entries()) expect(lineOf(`mask-${i}`)?.req?.url).toBe(masked);
    expect(written.join('\n')).not.toContain(token);
  });
});

describe('maskUrl', () => {
  it('masks every API route with a :token parameter (a new one must be covered)', () => {
    const withToken = t.app.apiRoutes.filter((r) => /:token\b/.test(r.url));
    expect(withToken.length).toBeGreaterThanOrEqual(4);
    for (const r of withToken) expect(maskUrl(r.url.replace(':token', 'S3cretS3cretS3cret')), r.url).not.toContain('S3cret');
  });

  it('masks every query parameter of an API route that is named like a secret', () => {
    const secretish = /token|code|state|secret|password|signature/i;
    let checked = 0;
    for (const r of t.app.apiRoutes) {
      const shape = (r.schema?.querystring as ZodObject | undefined)?.shape;
      for (const name of Object.keys(shape ?? {}).filter((n) => secretish.test(n))) {
        checked++;
        expect(maskUrl(`${r.url}?${name}=S3cretValue`), `${r.url} ?${name}`).not.toContain('S3cretValue');
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('leaves ordinary URLs alone', () => {
    expect(maskUrl('/api/v1/customers?q=Anna&cursor=abc&limit=20')).toBe('/api/v1/customers?q=Anna&cursor=abc&limit=20');
    expect(maskUrl('/api/v1/staff-invitations')).toBe('/api/v1/staff-invitations');
    expect(maskUrl('/x?TOKEN=a&%74oken=b')).toBe('/x?TOKEN=***&%74oken=***');
  });
});
