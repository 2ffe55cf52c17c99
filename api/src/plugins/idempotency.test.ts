import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, signIn } from '../../test/helpers';
import { customers } from '../db/schema/customers';
import { idempotencyKeys } from '../db/schema/idempotency';
import { runRetention } from '../jobs/retention';
import { canonicalJson, fingerprint } from '../modules/idempotency/service';

let t: Awaited<ReturnType<typeof createTestApp>>;
/** Test-only routes (this app only): one that fails with a 500 until told otherwise, one that waits. */
let failNext = true;
let boomRuns = 0;
let slowRuns = 0;
let releaseSlow: () => void = () => {};

beforeAll(async () => {
  t = await createTestApp();
  t.app.post('/api/v1/test-idempotency/boom', { onRequest: t.app.requireStaff }, async (_request, reply) => {
    boomRuns++;
    if (failNext) throw new Error('boom');
    return reply.status(201).send({ run: boomRuns });
  });
  t.app.post('/api/v1/test-idempotency/slow', { onRequest: t.app.requireStaff }, async (_request, reply) => {
    slowRuns++;
    await new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    return reply.status(201).send({ run: slowRuns });
  });
});
afterAll(() => t.close());

const key = () => randomUUID();
const countCustomers = async (landlordId: string, name: string) =>
  (
    await t.app.db
      .select()
      .from(customers)
      .where(and(eq(customers.landlordId, landlordId), eq(customers.name, name)))
  ).length;

describe('Idempotency-Key', () => {
  it('replays the first answer byte for byte, with Idempotent-Replayed, and the handler runs once', async () => {
    const l = await makeLandlord(t.app);
    const c = await signIn(t.app, 'staff', l.manager.email);
    const k = key();
    const name = `Idem ${k.slice(0, 8)}`;
    const first = await c.post('/api/v1/customers', { kind: 'company', name, city: 'Malmö' }, { 'idempotency-key': k });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // Same body with its keys in another order: the same request.
    const again = await c.post('/api/v1/customers', { city: 'Malmö', name, kind: 'company' }, { 'idempotency-key': k });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(await countCustomers(l.landlord.id, name)).toBe(1);
    // Without the header every POST runs.
    const plain = await c.post('/api/v1/customers', { kind: 'company', name });
    expect(plain.statusCode).toBe(201);
    expect(await countCustomers(l.landlord.id, name)).toBe(2);
  });

  it('refuses the same key with another body or another path (422 idempotency_key_reused)', async () => {
    const l = await makeLandlord(t.app);
    const c = await signIn(t.app, 'staff', l.manager.email);
    const k = key();
    const name = `Reuse ${k.slice(0, 8)}`;
    expect((await c.post('/api/v1/customers', { kind: 'company', name }, { 'idempotency-key': k })).statusCode).toBe(201);
    const other = await c.post('/api/v1/customers', { kind: 'company', name: `${name} 2` }, { 'idempotency-key': k });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    const path = await c.post(`/api/v1/properties/${randomUUID()}/archive`, {}, { 'idempotency-key': k });
    expect(path.statusCode).toBe(422);
    expect(path.json().error.code).toBe('idempotency_key_reused');
    expect(await countCustomers(l.landlord.id, `${name} 2`)).toBe(0);
  });

  it('keys are per actor: another staff user (or landlord) with the same key runs their own request', async () => {
    const l = await makeLandlord(t.app);
    const other = await makeLandlord(t.app);
    const k = key();
    const name = `Ns ${k.slice(0, 8)}`;
    for (const email of [l.manager.email, l.admin.email, other.manager.email]) {
      const c = await signIn(t.app, 'staff', email);
      const res = await c.post('/api/v1/customers', { kind: 'company', name }, { 'idempotency-key': k });
      expect(res.statusCode).toBe(201);
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    }
    expect(await countCustomers(l.landlord.id, name)).toBe(2);
    expect(await countCustomers(other.landlord.id, name)).toBe(1);
  });

  it('two identical requests at once: exactly one runs; the other is told to wait (409) or gets the replay', async () => {
    const l = await makeLandlord(t.app);
    const c = await signIn(t.app, 'staff', l.manager.email);
    for (let round = 0; round < 3; round++) {
      const k = key();
      const name = `Race ${k.slice(0, 8)}`;
      const results = await Promise.all(
        [0, 1, 2].map(() => c.post('/api/v1/customers', { kind: 'company', name }, { 'idempotency-key': k })),
      );
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      const ran = results.filter((r) => r.statusCode === 201 && !r.headers['idempotent-replayed']);
      expect(ran).toHaveLength(1);
      for (const r of results.filter((x) => x.statusCode === 409)) {
        expect(r.json().error.code).toBe('idempotency_request_in_progress');
        expect(r.headers['retry-after']).toBe('1');
      }
      expect(await countCustomers(l.landlord.id, name)).toBe(1);
    }
  });

  it('a duplicate while the first is still running is 409 with Retry-After; after it, the replay', async () => {
    const l = await makeLandlord(t.app);
    const c = await signIn(t.app, 'staff', l.manager.email);
    const k = key();
    const runsBefore = slowRuns;
    const first = c.post('/api/v1/test-idempotency/slow', { a: 1 }, { 'idempotency-key': k });
    while (slowRuns === runsBefore) await new Promise((r) => setTimeout(r, 5));
    const during = await c.post('/api/v1/test-idempotency/slow', { a: 1 }, { 'idempotency-key': k });
    expect(during.statusCode).toBe(409);
    expect(during.json().error.code).toBe('idempotency_request_in_progress');
    expect(during.headers['retry-after']).toBe('1');
    releaseSlow();
    const done = await first;
    expect(done.statusCode).toBe(201);
    const after = await c.post('/api/v1/test-idempotency/slow', { a: 1 }, { 'idempotency-key': k });
    expect(after.statusCode).toBe(201);
    expect(after.headers['idempotent-replayed']).toBe('true');
    expect(after.body).toBe(done.body);
    expect(slowRuns).toBe(runsBefore + 1);
  });

  it('a 5xx releases the key (the retry runs again); a 4xx is stored and replayed', async () => {
    const l = await makeLandlord(t.app);
    const c = await signIn(t.app, 'staff', l.manager.email);
    const k = key();
    failNext = true;
    const runs = boomRuns;
    const failed = await c.post('/api/v1/test-idempotency/boom', {}, { 'idempotency-key': k });
    expect(failed.statusCode).toBe(500);
    failNext = false;
    const retried = await c.post('/api/v1/test-idempotency/boom', {}, { 'idempotency-key': k });
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(boomRuns).toBe(runs + 2);
    const replayed = await c.post('/api/v1/test-idempotency/boom', {}, { 'idempotency-key': k });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(boomRuns).toBe(runs + 2);

    const missing = `/api/v1/properties/${randomUUID()}/archive`;
    const k2 = key();
    const notFound = await c.post(missing, {}, { 'idempotency-key': k2 });
    expect(notFound.statusCode).toBe(404);
    const again = await c.post(missing, {}, { 'idempotency-key': k2 });
    expect(again.statusCode).toBe(404);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(notFound.body);
  });

  it('works for a portal user acting for a customer, and for an answer without a body (204)', async () => {
    const l = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const k = key();
    const subject = `Idem ${k.slice(0, 8)}`;
    const body = { leaseId: l.office.id, subject, body: 'Hello' };
    const first = await tenant.post('/api/v1/portal/threads', body, { 'idempotency-key': k });
    expect(first.statusCode, first.body).toBe(201);
    const again = await tenant.post('/api/v1/portal/threads', body, { 'idempotency-key': k });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    const list = (await tenant.get('/api/v1/portal/threads?box=sent')).json().items as { subject: string }[];
    expect(list.filter((x) => x.subject === subject)).toHaveLength(1);
    const [row] = await t.app.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, k));
    expect(row!.actor).toBe(`tenant:${l.companyUser.id}:${l.company.customer.id}`);

    const staff = await signIn(t.app, 'staff', l.manager.email);
    const threadId = first.json().id as string;
    const k2 = key();
    const read = await staff.post(`/api/v1/threads/${threadId}/read`, {}, { 'idempotency-key': k2 });
    expect(read.statusCode).toBe(204);
    const readAgain = await staff.post(`/api/v1/threads/${threadId}/read`, {}, { 'idempotency-key': k2 });
    expect(readAgain.statusCode).toBe(204);
    expect(readAgain.headers['idempotent-replayed']).toBe('true');
    expect(readAgain.body).toBe('');
  });

  it('refuses a malformed key (400 idempotency_key_invalid) and ignores the header where nobody is signed in', async () => {
    const l = await makeLandlord(t.app);
    const c = await signIn(t.app, 'staff', l.manager.email);
    for (const bad of ['x'.repeat(256), ' ', 'nyckel-å']) {
      const res = await c.post('/api/v1/customers', { kind: 'company', name: 'Bad key' }, { 'idempotency-key': bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('idempotency_key_invalid');
    }
    expect(await countCustomers(l.landlord.id, 'Bad key')).toBe(0);
    const ok = await c.post('/api/v1/customers', { kind: 'company', name: 'Long key' }, { 'idempotency-key': 'k'.repeat(255) });
    expect(ok.statusCode).toBe(201);
    const login = await signIn(t.app, 'staff', l.manager.email);
    const k = key();
    for (let i = 0; i < 2; i++) {
      const res = await login.post(
        '/api/v1/auth/staff/login',
        { email: l.manager.email, password: 'wrong-password-1A!' },
        { 'idempotency-key': k },
      );
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    }
  });

  it('takes over a claim abandoned by a crash, and forgets answers after 24 hours (retention sweeps them)', async () => {
    const l = await makeLandlord(t.app);
    const c = await signIn(t.app, 'staff', l.manager.email);
    const { db } = t.app;
    const k = key();
    const name = `Old ${k.slice(0, 8)}`;
    expect((await c.post('/api/v1/customers', { kind: 'company', name }, { 'idempotency-key': k })).statusCode).toBe(201);
    const row = and(eq(idempotencyKeys.landlordId, l.landlord.id), eq(idempotencyKeys.key, k));
    // A claim left in progress a minute ago is still running for all we know: 409.
    await db.update(idempotencyKeys).set({ state: 'in_progress', claimedAt: sql`now() - interval '1 minute'` }).where(row);
    expect((await c.post('/api/v1/customers', { kind: 'company', name }, { 'idempotency-key': k })).statusCode).toBe(409);
    // Ten minutes: abandoned; the retry runs (so the write may happen twice: decision 10I1).
    await db.update(idempotencyKeys).set({ claimedAt: sql`now() - interval '10 minutes'` }).where(row);
    const takeover = await c.post('/api/v1/customers', { kind: 'company', name }, { 'idempotency-key': k });
    expect(takeover.statusCode).toBe(201);
    expect(takeover.headers['idempotent-replayed']).toBeUndefined();
    expect(await countCustomers(l.landlord.id, name)).toBe(2);
    // Older than 24 hours and not yet swept: the key is new again.
    await db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(row);
    const expired = await c.post('/api/v1/customers', { kind: 'company', name }, { 'idempotency-key': k });
    expect(expired.headers['idempotent-replayed']).toBeUndefined();
    expect(await countCustomers(l.landlord.id, name)).toBe(3);
    // The sweep deletes the old answers and keeps the fresh one.
    const k2 = key();
    expect((await c.post('/api/v1/customers', { kind: 'company', name: `${name} b` }, { 'idempotency-key': k2 })).statusCode).toBe(201);
    await db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(row);
    const deleted = await runRetention(t.deps, 30);
    expect(deleted.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const left = await db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(eq(idempotencyKeys.landlordId, l.landlord.id));
    expect(left.map((r) => r.key)).toEqual([k2]);
  });
});

describe('fingerprint', () => {
  it('ignores key order, not values, path or method', () => {
    expect(canonicalJson({ b: [1, { y: 1, x: 2 }], a: null })).toBe('{"a":null,"b":[1,{"x":2,"y":1}]}');
    const base = fingerprint('POST', '/api/v1/customers', { a: 1, b: 2 });
    expect(fingerprint('POST', '/api/v1/customers', { b: 2, a: 1 })).toBe(base);
    expect(fingerprint('POST', '/api/v1/customers', { a: 1, b: 3 })).not.toBe(base);
    expect(fingerprint('POST', '/api/v1/customers?x=1', { a: 1, b: 2 })).not.toBe(base);
    expect(fingerprint('PUT', '/api/v1/customers', { a: 1, b: 2 })).not.toBe(base);
  });
});

describe('OpenAPI', () => {
  it('declares the Idempotency-Key header on POSTs of signed-in actors, not on sign-in', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const header = (op: { parameters?: { in: string; name: string }[] }) =>
      op.parameters?.find((p) => p.in === 'header' && p.name === 'idempotency-key');
    expect(header(doc.paths['/api/v1/customers'].post)).toMatchObject({ required: false, schema: { maxLength: 255 } });
    expect(header(doc.paths['/api/v1/customers/bulk'].post)).toBeDefined();
    expect(header(doc.paths['/api/v1/customers/{customerId}'].patch)).toBeUndefined();
    expect(header(doc.paths['/api/v1/auth/staff/login'].post)).toBeUndefined();
    // The bulk body is documented as the kind's upserts (it is validated item by item).
    const bulk = doc.paths['/api/v1/customers/bulk'].post.requestBody.content['application/json'].schema;
    expect(bulk.properties.items).toMatchObject({ type: 'array', maxItems: 1000 });
  });
});
