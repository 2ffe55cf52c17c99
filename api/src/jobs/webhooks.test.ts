import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, sequenceAll, signIn, type TestLandlord } from '../../test/helpers';
import { startReceiver } from '../../test/webhook-receiver';
import { startCatcher } from '../dev/catcher';
import { emitEvent } from '../modules/events/service';
import { claimDue } from '../modules/webhooks/repo';
import { startWorker } from '../worker';
import { ownDatabase, waitFor } from './test-support';

/**
 * The worker's webhook delivery against a local HTTP receiver (issue 10). Own database: the
 * sequencer and the sender see every row. Tries: now, +100 ms, +200 ms (3 tries); timeout 500 ms;
 * an endpoint is disabled at its first final failure (WEBHOOK_DISABLE_AFTER_MS=0).
 */
let database: Awaited<ReturnType<typeof ownDatabase>>;
let catcher: Awaited<ReturnType<typeof startCatcher>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
let worker: ReturnType<typeof startWorker> | undefined;

beforeAll(async () => {
  database = await ownDatabase('webhooks');
  catcher = await startCatcher({ smtpPort: 0, httpPort: 0 });
  receiver = await startReceiver();
  t = await createTestApp({
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
    SMS_GATEWAY_URL: `http://127.0.0.1:${catcher.httpPort}/a1/sms`,
    RELAY_INTERVAL_MS: '50',
    REDIS_PREFIX: database.name,
    WEBHOOK_RETRY_SCHEDULE_MS: '100,200',
    WEBHOOK_TIMEOUT_MS: '500',
    WEBHOOK_POLL_INTERVAL_MS: '50',
    WEBHOOK_DISABLE_AFTER_MS: '0',
    WEBHOOK_LEASE_MS: '1000',
  });
  worker = startWorker(t.deps);
});

afterAll(async () => {
  await worker?.close();
  await t?.close();
  await receiver?.close();
  await catcher?.close();
  await database?.drop();
});

type Endpoint = { id: string; secret: string };

async function endpoint(staff: Client, path: string, eventTypes: string[]): Promise<Endpoint> {
  const res = await staff.post('/api/v1/webhook-endpoints', { url: receiver.url(path), eventTypes, description: path });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function deliveries(staff: Client, endpointId: string) {
  const res = await staff.get(`/api/v1/webhook-endpoints/${endpointId}/deliveries?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    id: string;
    status: string;
    attempts: number;
    eventId: string;
    lastStatusCode: number | null;
    lastResponse: string | null;
  }[];
}

async function newCustomer(staff: Client, name: string) {
  const res = await staff.post('/api/v1/customers', {
    kind: 'company',
    name,
    contacts: [{ name: 'Kim', email: `kim-${name.replace(/\W/g, '')}@x.test` }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const path = (l: TestLandlord, name: string) => `/${l.landlord.id}/${name}`;

describe('webhook delivery', () => {
  it('POSTs the event signed per Standard Webhooks; the standardwebhooks verifier accepts it', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const p = path(l, 'signed');
    const ep = await endpoint(staff, p, ['customer.created']);
    expect(ep.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const customerId = await newCustomer(staff, 'Signed AB');

    const [hit] = await waitFor(() => (receiver.at(p).length ? receiver.at(p) : undefined));
    const payload = new Webhook(ep.secret).verify(hit!.body, hit!.headers as Record<string, string>) as {
      type: string;
      data: { customerId: string };
    };
    expect(payload.type).toBe('customer.created');
    expect(payload.data.customerId).toBe(customerId);
    // Another secret does not verify: the signature really binds the key.
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(hit!.body, hit!.headers as Record<string, string>),
    ).toThrow();

    const [d] = await waitFor(async () => {
      const items = await deliveries(staff, ep.id);
      return items[0]?.status === 'succeeded' ? items : undefined;
    });
    expect(d).toMatchObject({ attempts: 1, lastStatusCode: 200, eventId: hit!.headers['webhook-id'] });
    const detail = (await staff.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries/${d!.id}`)).json();
    expect(detail.requestBody).toBe(hit!.body);
    expect(detail.requestHeaders['webhook-signature']).toBe(hit!.headers['webhook-signature']);
  });

  it('retries a 500 with backoff under the same webhook-id until a 2xx', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const p = path(l, 'flaky');
    receiver.behave(p, (n) => ({ status: n < 3 ? 500 : 204 }));
    const ep = await endpoint(staff, p, ['customer.created']);
    await newCustomer(staff, 'Flaky AB');
    const [d] = await waitFor(async () => {
      const items = await deliveries(staff, ep.id);
      return items[0]?.status === 'succeeded' ? items : undefined;
    });
    expect(d).toMatchObject({ attempts: 3, lastStatusCode: 204 });
    const hits = receiver.at(p);
    expect(hits).toHaveLength(3);
    expect(new Set(hits.map((h) => h.headers['webhook-id'])).size).toBe(1);
    // The schedule: about 100 ms, then about 200 ms between tries (polled every 50 ms).
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(90);
    expect(hits[2]!.at - hits[1]!.at).toBeGreaterThanOrEqual(190);
  });

  it('counts a timeout as a failure; after the last try the delivery fails, the endpoint is disabled and the admins are e-mailed', async () => {
    const l = await makeLandlord(t.app, { locale: 'sv' });
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const p = path(l, 'slow');
    receiver.behave(p, () => ({ status: 200, delayMs: 2000 }));
    const ep = await endpoint(staff, p, ['customer.created']);
    await newCustomer(staff, 'Slow AB');
    const [d] = await waitFor(async () => {
      const items = await deliveries(staff, ep.id);
      return items[0]?.status === 'failed' ? items : undefined;
    }, 20_000);
    expect(d!.attempts).toBe(3);
    expect(d!.lastStatusCode).toBeNull();
    expect(d!.lastResponse).toContain('timeout');
    const after = (await staff.get(`/api/v1/webhook-endpoints/${ep.id}`)).json();
    expect(after).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const mail = await waitFor(() => catcher.mails.find((m) => m.to.includes(l.admin.email) && m.subject.includes('webhook')));
    expect(mail.subject).toBe('En webhook-mottagare har stängts av');
    expect(mail.text).toContain(receiver.url(p));
    // A disabled endpoint gets nothing new and refuses a test event until switched on.
    expect((await staff.post(`/api/v1/webhook-endpoints/${ep.id}/test`)).statusCode).toBe(409);
  }, 30_000);

  it('redelivers a failed delivery once the endpoint is switched on again, with the same id and body', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const p = path(l, 'down');
    let up = false;
    receiver.behave(p, () => ({ status: up ? 200 : 503 }));
    const ep = await endpoint(staff, p, ['customer.created']);
    await newCustomer(staff, 'Down AB');
    const [failed] = await waitFor(async () => {
      const items = await deliveries(staff, ep.id);
      return items[0]?.status === 'failed' ? items : undefined;
    });
    up = true;
    expect((await staff.patch(`/api/v1/webhook-endpoints/${ep.id}`, { enabled: true })).json()).toMatchObject({
      enabled: true,
      disabledReason: null,
    });
    const again = await staff.post(`/api/v1/webhook-endpoints/${ep.id}/deliveries/${failed!.id}/redeliver`);
    expect(again.statusCode, again.body).toBe(201);
    await waitFor(async () => (await deliveries(staff, ep.id)).find((d) => d.id === again.json().id && d.status === 'succeeded'));
    const hits = receiver.at(p);
    expect(hits.at(-1)!.headers['webhook-id']).toBe(failed!.eventId);
    expect(hits.at(-1)!.body).toBe(hits[0]!.body);
    // The old delivery stays in the log as it was.
    expect((await deliveries(staff, ep.id)).find((d) => d.id === failed!.id)?.status).toBe('failed');
  });

  it('sends a test event at once', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const p = path(l, 'test');
    const ep = await endpoint(staff, p, ['case.created']);
    const res = await staff.post(`/api/v1/webhook-endpoints/${ep.id}/test`);
    expect(res.statusCode).toBe(201);
    const [hit] = await waitFor(() => (receiver.at(p).length ? receiver.at(p) : undefined));
    const payload = new Webhook(ep.secret).verify(hit!.body, hit!.headers as Record<string, string>);
    expect(payload).toMatchObject({ type: 'webhook.test', data: { endpointId: ep.id } });
  });

  it('a delivery claimed by a worker that died is sent when its lease runs out', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const p = path(l, 'crash');
    const ep = await endpoint(staff, p, ['customer.created']);
    await worker!.close();
    worker = undefined;
    await newCustomer(staff, 'Crash AB');
    // The dead worker: numbered the event, claimed the delivery (its lease starts), sent nothing.
    await sequenceAll(t.deps.db);
    const claimed = await t.deps.db.transaction((tx) => claimDue(tx, { limit: 100, leaseMs: 1000 }));
    expect(claimed.map((c) => c.endpoint.id)).toContain(ep.id);
    worker = startWorker(t.deps);
    const started = Date.now();
    await waitFor(() => (receiver.at(p).length ? true : undefined));
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    await waitFor(async () => (await deliveries(staff, ep.id))[0]?.status === 'succeeded');
    expect(receiver.at(p)).toHaveLength(1);
  });
});

describe('the changes feed', () => {
  it('lists the same events, in the same order and with the same payloads, as the webhooks received', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const p = path(l, 'all');
    const ep = await endpoint(staff, p, [
      'customer.created',
      'customer.updated',
      'message.created',
      'case.created',
      'case.updated',
      'lease.updated',
    ]);
    const customerId = await newCustomer(staff, 'Feed AB');
    expect((await staff.patch(`/api/v1/customers/${customerId}`, { name: 'Feed AB (renamed)' })).statusCode).toBe(200);
    const thread = await staff.post('/api/v1/threads', {
      customerId: l.household.customer.id,
      leaseId: l.flat.id,
      subject: 'S',
      body: 'B',
    });
    expect(thread.statusCode).toBe(201);

    type Feed = { items: { id: string; type: string; data: Record<string, unknown> }[]; nextCursor: string };
    const feed = await waitFor<Feed>(async () => {
      const res = await staff.get('/api/v1/events');
      const items = res.json().items as { id: string; type: string }[];
      return items.length >= 3 ? res.json() : undefined;
    });
    expect(feed.items.map((e: { type: string }) => e.type)).toEqual(['customer.created', 'customer.updated', 'message.created']);
    expect(feed.items[1]!.data).toMatchObject({ customerId, changes: ['name'] });

    await waitFor(async () => ((await deliveries(staff, ep.id)).filter((d) => d.status === 'succeeded').length === 3 ? true : undefined));
    // Deliveries are sent in parallel; the receiver may see them in any order, so compare by id
    // and check the feed's order against the events' own timestamps.
    const received = receiver.at(p).map((h) => ({ id: h.headers['webhook-id'], ...JSON.parse(h.body) }));
    expect([...received].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...feed.items].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)),
    );

    // The cursor keeps the reader's place, even after an empty page.
    const next = await staff.get(`/api/v1/events?after=${feed.nextCursor}`);
    expect(next.json()).toMatchObject({ items: [], nextCursor: feed.nextCursor, hasMore: false });
    const typed = await staff.get('/api/v1/events?types=customer.updated');
    expect(typed.json().items.map((e: { id: string }) => e.id)).toEqual([feed.items[1]!.id]);
  });

  it('lists an event committed late after one numbered earlier (commit order, not insert order)', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const { db } = t.deps;
    // Transaction A takes its event first but commits last.
    let commitA!: () => void;
    const aCanCommit = new Promise<void>((r) => {
      commitA = r;
    });
    let aInserted!: () => void;
    const aHasInserted = new Promise<void>((r) => {
      aInserted = r;
    });
    const a = db.transaction(async (tx) => {
      await emitEvent(tx, l.landlord.id, 'customer.created', { customerId: l.household.customer.id, externalId: 'A' });
      aInserted();
      await aCanCommit;
    });
    await aHasInserted;
    await db.transaction((tx) => emitEvent(tx, l.landlord.id, 'customer.created', { customerId: l.company.customer.id, externalId: 'B' }));
    const first = await waitFor(async () => {
      const page = (await staff.get('/api/v1/events')).json();
      return page.items.length === 1 ? page : undefined;
    });
    expect(first.items[0].data.externalId).toBe('B');
    commitA();
    await a;
    // A reader that has seen B still gets A: it was numbered after B, at its commit.
    const later = await waitFor(async () => {
      const page = (await staff.get(`/api/v1/events?after=${first.nextCursor}`)).json();
      return page.items.length === 1 ? page : undefined;
    });
    expect(later.items[0].data.externalId).toBe('A');
    const seqs = await db.execute<{ seq: string; ext: string }>(
      sql`select seq, data->>'externalId' as ext from events where landlord_id = ${l.landlord.id} order by seq`,
    );
    expect(seqs.rows.map((r) => r.ext)).toEqual(['B', 'A']);
  });
});

describe('retention', () => {
  it('deletes events and settled deliveries after 30 days, but keeps the highest-numbered event and pending deliveries', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const ep = await endpoint(staff, path(l, 'retention'), ['customer.created']);
    const { db } = t.deps;
    const old = sql`now() - interval '40 days'`;
    // Numbered like the sequencer would, far above anything else in this database.
    const ids = await db.execute<{ id: string; seq: string }>(sql`
      insert into events (landlord_id, type, data, created_at, seq)
      select ${l.landlord.id}, 'customer.created', '{}'::jsonb, ${old}, 1000000 + i from generate_series(1, 3) i
      returning id, seq`);
    await db.execute(sql`
      insert into webhook_deliveries (landlord_id, endpoint_id, event_id, event_type, body, status, created_at, next_attempt_at)
      values (${l.landlord.id}, ${ep.id}, gen_random_uuid(), 'customer.created', '{}', 'succeeded', ${old}, null),
             (${l.landlord.id}, ${ep.id}, gen_random_uuid(), 'customer.created', '{}', 'pending', ${old}, now() + interval '1 day')`);
    const { runRetention } = await import('./retention');
    const deleted = await runRetention(t.deps, 30, new Date(), 30);
    expect(deleted.events).toBeGreaterThanOrEqual(2);
    const left = await db.execute<{ seq: string }>(sql`select seq from events where landlord_id = ${l.landlord.id} order by seq`);
    const highest = Math.max(...ids.rows.map((r) => Number(r.seq)));
    expect(left.rows.map((r) => Number(r.seq))).toEqual([highest]);
    const statuses = await db.execute<{ status: string }>(sql`select status from webhook_deliveries where endpoint_id = ${ep.id}`);
    expect(statuses.rows.map((r) => r.status)).toEqual(['pending']);
  });
});
