import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../src/db/migrate';
import { Client, createTestApp, makeLandlord, PASSWORD, signIn } from './helpers';
import { type PrivatePostgres, type PrivateRedis, startPrivatePostgres, startPrivateRedis } from './private-services';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** Calls `fn` until it returns a response with `status`, for at most `ms`; returns the last one. */
async function until<T extends { statusCode: number }>(fn: () => Promise<T>, status: number, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await fn();
    if (res.statusCode === status || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function timed<T>(fn: () => Promise<T>) {
  const started = Date.now();
  const result = await fn();
  return { result, ms: Date.now() - started };
}

describe('Postgres restart', () => {
  let pg: PrivatePostgres;
  let t: TestApp;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
    await runMigrations(pg.url);
    t = await createTestApp({ DATABASE_URL: pg.url });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await pg?.destroy();
  });

  it('answers 503 while the database is away and serves again once it is back, without crashing', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const me = () => admin.get('/api/v1/auth/staff/me');
    expect((await me()).statusCode).toBe(200);

    // A transaction holding a client when Postgres goes: its error must not be an unhandled 'error' event.
    const inTransaction = t.app.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await pg.stop();
      await tx.execute(sql`select 1`);
    });
    await expect(inTransaction).rejects.toThrow();

    const down = await timed(me);
    expect(down.result.statusCode).toBe(503);
    expect(down.result.json().error.code).toBe('service_unavailable');
    expect(down.result.headers['retry-after']).toBe('5');
    expect(down.ms).toBeLessThan(3000);
    // A write takes the same way out (a transaction that cannot get a connection).
    const write = await admin.post('/api/v1/auth/staff/logout');
    expect(write.statusCode).toBe(503);

    const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ ok: false, postgres: 'down', redis: 'up' });
    expect((await t.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);

    await pg.start();
    const back = await timed(() => until(me, 200, 5000));
    expect(back.result.statusCode).toBe(200);
    expect(back.ms).toBeLessThan(5000);
    expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).json()).toEqual({ ok: true, postgres: 'up', redis: 'up' });
  });
});

describe('Redis down', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    t = await createTestApp({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await t?.close();
    await redis?.kill();
  });

  it('refuses sign-in with 503 at once (the limiter fails closed) and keeps serving reads', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    await redis.kill();

    const anonymous = new Client(t.app);
    const login = await timed(() => anonymous.post('/api/v1/auth/staff/login', { email: l.admin.email, password: PASSWORD }));
    expect(login.result.statusCode).toBe(503);
    expect(login.result.json().error.code).toBe('service_unavailable');
    expect(login.result.headers['retry-after']).toBe('5');
    expect(login.ms).toBeLessThan(3000);
    const reset = await anonymous.post('/api/v1/auth/portal/password-reset', { email: 'someone@tenant.test' });
    expect(reset.statusCode).toBe(503);

    const me = await admin.get('/api/v1/auth/staff/me');
    expect(me.statusCode).toBe(200);

    const ready = await timed(() => t.app.inject({ method: 'GET', url: '/api/health/ready' }));
    expect(ready.result.statusCode).toBe(503);
    expect(ready.result.json()).toEqual({ ok: false, postgres: 'up', redis: 'down' });
    expect(ready.ms).toBeLessThan(2000);
  });
});
