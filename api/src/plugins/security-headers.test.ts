import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeLandlord, signIn } from '../../test/helpers';

const JSON_CSP = "default-src 'none';frame-ancestors 'none'";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('response headers', () => {
  it('a personal answer is not cached and carries the JSON policy', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const me = await admin.get('/api/v1/auth/staff/me');
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.headers['content-security-policy']).toBe(JSON_CSP);
  });

  it('errors and unknown routes get the same headers', async () => {
    const res = await new Client(t.app).get('/api/v1/auth/staff/me');
    expect(res.statusCode).toBe(401);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBe(JSON_CSP);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(JSON_CSP);
  });

  it('the docs page has a policy that lets its own scripts and styles run, and nothing from elsewhere', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')?;/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https:/);
    expect(page.headers['cache-control']).toBe('no-store');
    // Every script the page loads is a file from this origin, so script-src 'self' is enough.
    expect(page.body).not.toMatch(/<script>/);
    const bundle = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-security-policy']).toBe(csp);
    // Public static files keep the caching they chose.
    expect(bundle.headers['cache-control']).not.toBe('no-store');
  });
});

describe('TRUST_PROXY', () => {
  // The sign-up code route limits each client address; AUTH_RATE_LIMIT 1 makes the second try a 429.
  const tryFrom = (app: Awaited<ReturnType<typeof createTestApp>>['app'], forwardedFor: string) =>
    new Client(app).post(
      '/api/v1/auth/portal/signup/00000000-0000-4000-8000-000000000000/send-code',
      { channel: 'email' },
      { 'x-forwarded-for': forwardedFor },
    );

  it('off by default: X-Forwarded-For is ignored, so a forged address does not get past the limit', async () => {
    const app = await createTestApp({ AUTH_RATE_LIMIT: '1', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-tp-${Date.now()}` });
    try {
      expect((await tryFrom(app.app, '198.51.100.1')).statusCode).not.toBe(429);
      expect((await tryFrom(app.app, '198.51.100.2')).statusCode).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('with a hop count, the address the nearest proxy saw is the client', async () => {
    const app = await createTestApp({
      TRUST_PROXY: '1',
      AUTH_RATE_LIMIT: '1',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-tp-${Date.now()}`,
    });
    try {
      expect((await tryFrom(app.app, '203.0.113.9, 198.51.100.1')).statusCode).not.toBe(429);
      // A forged entry further left does not make a new client.
      expect((await tryFrom(app.app, '203.0.113.10, 198.51.100.1')).statusCode).toBe(429);
      // Another client behind the same proxy has its own limit.
      expect((await tryFrom(app.app, '198.51.100.2')).statusCode).not.toBe(429);
    } finally {
      await app.close();
    }
  });
});
