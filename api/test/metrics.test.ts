import { randomUUID } from 'node:crypto';
import { NOTIFICATION_QUEUE } from '@portico/shared/jobs';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDatabase } from '../src/jobs/test-support';
import { outboxFiguresQuery, webhookFiguresQuery } from '../src/modules/metrics/repo';
import { createTestApp, makeLandlord, outboxFor, signIn } from './helpers';

const TOKEN = 'metrics-test-token-0123456789';

/** The value of one sample line (`name{labels} value`); labels given must all be on it. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}
const sum = (text: string, name: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .reduce((acc, l) => acc + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);

describe('/metrics without METRICS_TOKEN', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is not there: 404 with our error shape, whatever the header', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      const res = await t.app.inject({ url: '/metrics', headers });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('stays out of the API contract (OpenAPI, authz matrix, fuzz read app.apiRoutes)', () => {
    expect(t.app.apiRoutes.some((r) => r.url.includes('metrics'))).toBe(false);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let database: Awaited<ReturnType<typeof ownDatabase>>;
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const scrape = async () => {
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    return res.body;
  };

  beforeAll(async () => {
    // A database and queue prefix of its own: no other test file's rows or jobs change the figures.
    database = await ownDatabase('metrics');
    t = await createTestApp({ DATABASE_URL: database.url, REDIS_PREFIX: database.name, METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('refuses a missing or wrong token with 401 and our error shape', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-wrong-token', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const res = await t.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      expect(res.body).not.toContain('portico_');
    }
  });

  it('reports portico_outbox_pending rising when a message is sent (no worker runs) and the oldest row’s age', async () => {
    const before = await scrape();
    const pendingBefore = sum(before, 'portico_outbox_pending');
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const res = await staff.post('/api/v1/threads', {
      customerId: l.household.customer.id,
      leaseId: l.flat.id,
      subject: 'Vatten',
      body: 'Torsdag',
    });
    expect(res.statusCode).toBe(201);
    const created = await outboxFor(t.app, l.household.contacts[0]!.email!);
    expect(created.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 20));

    const after = await scrape();
    const allPending = (await t.app.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where status = 'pending'`)).rows[0]!
      .n;
    expect(sum(after, 'portico_outbox_pending')).toBe(allPending);
    expect(sum(after, 'portico_outbox_pending')).toBeGreaterThanOrEqual(pendingBefore + created.length);
    expect(sample(after, 'portico_outbox_pending', { channel: 'email' })).toBeGreaterThanOrEqual(created.length);
    expect(sample(after, 'portico_outbox_oldest_pending_age_seconds')).toBeGreaterThan(0);
    expect(sample(after, 'portico_outbox_deliveries_last_24h', { channel: 'email', state: 'pending' })).toBe(
      sample(after, 'portico_outbox_pending', { channel: 'email' }),
    );

    // Failed rows: one marked failed moves from pending to failed.
    await t.app.db.execute(sql`update outbox set status = 'failed' where id = ${created[0]!.id}`);
    const failed = await scrape();
    expect(sample(failed, 'portico_outbox_failed', { channel: 'email' })).toBe(1);
    expect(sample(failed, 'portico_outbox_deliveries_last_24h', { channel: 'email', state: 'failed' })).toBe(1);
    expect(sum(failed, 'portico_outbox_pending')).toBe(allPending - 1);
  });

  it('counts HTTP requests and their latency by route template, never by raw URL', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const id = l.household.customer.id;
    expect((await staff.get(`/api/v1/customers/${id}`)).statusCode).toBe(200);
    const stray = randomUUID();
    expect((await t.app.inject({ url: `/api/v1/no-such/${stray}` })).statusCode).toBe(404);

    const text = await scrape();
    const route = '/api/v1/customers/:customerId';
    expect(sample(text, 'portico_http_request_duration_seconds_count', { method: 'GET', route })).toBe(1);
    expect(sample(text, 'portico_http_request_duration_seconds_bucket', { method: 'GET', route, le: '+Inf' })).toBe(1);
    expect(sample(text, 'portico_http_requests_total', { method: 'GET', route, status_class: '2xx' })).toBe(1);
    expect(sample(text, 'portico_http_requests_total', { route: 'unmatched', status_class: '4xx' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(id);
    expect(text).not.toContain(stray);
    // Default process metrics are there too.
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('reports BullMQ queue depth and webhook figures, and that both sources answered', async () => {
    const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    const queue = new Queue(NOTIFICATION_QUEUE, { connection, prefix: database.name });
    try {
      await queue.add('deliver', { outboxId: randomUUID() }, { delay: 60_000 });
      await queue.add('deliver', { outboxId: randomUUID() });
      const text = await scrape();
      expect(sample(text, 'portico_queue_jobs', { queue: NOTIFICATION_QUEUE, state: 'delayed' })).toBe(1);
      expect(sample(text, 'portico_queue_jobs', { queue: NOTIFICATION_QUEUE, state: 'waiting' })).toBe(1);
      expect(sample(text, 'portico_queue_jobs', { queue: 'imports', state: 'failed' })).toBe(0);
      expect(sample(text, 'portico_webhook_deliveries_pending')).toBe(0);
      expect(sample(text, 'portico_webhook_deliveries_failed')).toBe(0);
      expect(sample(text, 'portico_metrics_source_up', { source: 'postgres' })).toBe(1);
      expect(sample(text, 'portico_metrics_source_up', { source: 'redis' })).toBe(1);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      await connection.quit();
    }
  });

  it('reads every figure from an index range, never a scan of the table (EXPLAIN on 6,000 outbox rows)', async () => {
    await t.app.db.execute(sql`
      insert into outbox (channel, payload, status, created_at)
      select case when i % 5 = 0 then 'sms' else 'email' end, '{}'::jsonb,
             case when i % 100 = 0 then 'failed' when i % 50 = 0 then 'pending' else 'sent' end,
             now() - (i || ' minutes')::interval
      from generate_series(1, 6000) i`);
    await t.app.db.execute(sql`analyze outbox`);
    await t.app.db.execute(sql`analyze webhook_deliveries`);
    const plan = async (query: ReturnType<typeof sql>) =>
      (await t.app.db.execute<{ 'QUERY PLAN': string }>(sql`explain ${query}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
    const outboxPlan = await plan(outboxFiguresQuery());
    expect(outboxPlan).not.toMatch(/Seq Scan/);
    // Twelve subqueries, each a range of (status, channel, created_at); the planner may take the
    // settled rows' created_at index for "sent in the last 24 h", also a bounded range.
    expect(outboxPlan.match(/Index (Only )?Scan (using|on) outbox_(status_channel_created|settled)_idx/g)?.length).toBe(12);
    // No webhook rows here (they need endpoints): with sequential scans off, the plan shows which
    // partial index each predicate can use (a predicate the index does not imply would seq-scan anyway).
    const hookPlan = await t.app.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return (await tx.execute<{ 'QUERY PLAN': string }>(sql`explain ${webhookFiguresQuery()}`)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    });
    expect(hookPlan).not.toMatch(/Seq Scan/);
    expect(hookPlan).toMatch(/webhook_deliveries_due_idx/);
    expect(hookPlan).toMatch(/webhook_deliveries_failed_idx/);
  });
});
