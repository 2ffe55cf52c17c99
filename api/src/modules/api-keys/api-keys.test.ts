import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, PNG, signIn, type TestLandlord } from '../../../test/helpers';
import { apiKeys } from '../../db/schema/api-keys';
import { hashSecret } from './service';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A request as an integrator makes it: the key and nothing else (no cookie, no CSRF header). */
function asKey(app: typeof t.app, secret: string) {
  return (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${secret}`, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

async function createKey(admin: Client, body: { name?: string; scopes: string[]; expiresAt?: string }) {
  const res = await admin.post('/api/v1/api-keys', { name: 'ERP sync', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string; prefix: string; scopes: string[]; status: string; createdBy: { id: string } };
}

const newCustomer = (name: string) => ({ kind: 'company', name });

describe('API keys: managing them', () => {
  let l: TestLandlord;
  let admin: Client;
  beforeAll(async () => {
    l = await makeLandlord(t.app);
    admin = await signIn(t.app, 'staff', l.admin.email);
  });

  it('an admin creates a key: the secret is shown once, only its SHA-256 is stored, the list shows the prefix', async () => {
    const key = await createKey(admin, { scopes: ['customers:read', 'customers:read', 'cases:write'] });
    expect(key.secret).toMatch(/^ptk_[A-Za-z0-9_-]{43}$/);
    expect(key.prefix).toBe(key.secret.slice(0, 12));
    expect(key.scopes).toEqual(['customers:read', 'cases:write']);
    expect(key.createdBy.id).toBe(l.admin.id);
    const [row] = await t.app.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row!.secretHash).toBe(hashSecret(key.secret));
    expect(JSON.stringify(row)).not.toContain(key.secret);

    const list = await admin.get('/api/v1/api-keys');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((k: { id: string }) => k.id === key.id);
    expect(item).toMatchObject({ prefix: key.prefix, status: 'active', lastUsedAt: null, createdBy: { name: expect.any(String) } });
    expect(item.secret).toBeUndefined();
    expect(list.body).not.toContain(key.secret);
  });

  it('refuses an expiry in the past and an empty scope list', async () => {
    const past = await admin.post('/api/v1/api-keys', { name: 'x', scopes: ['customers:read'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('api_key_expiry_past');
    expect((await admin.post('/api/v1/api-keys', { name: 'x', scopes: [] })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/api-keys', { name: 'x', scopes: ['everything:write'] })).statusCode).toBe(400);
  });

  it('non-admins can neither list nor create keys, and a key cannot manage keys', async () => {
    for (const who of [l.manager, l.technician]) {
      const c = await signIn(t.app, 'staff', who.email);
      expect((await c.get('/api/v1/api-keys')).statusCode).toBe(403);
      expect((await c.post('/api/v1/api-keys', { name: 'x', scopes: ['customers:read'] })).statusCode).toBe(403);
    }
    const key = await createKey(admin, { scopes: ['customers:write', 'properties:write', 'messages:write', 'cases:write'] });
    const call = asKey(t.app, key.secret);
    for (const res of [
      await call('GET', '/api/v1/api-keys'),
      await call('POST', '/api/v1/api-keys', { name: 'y', scopes: ['customers:write'] }),
      await call('POST', `/api/v1/api-keys/${key.id}/revoke`),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('api_key_not_allowed');
    }
  });
});

describe('API keys: using them', () => {
  let a: TestLandlord;
  let b: TestLandlord;
  let adminA: Client;
  beforeAll(async () => {
    a = await makeLandlord(t.app);
    b = await makeLandlord(t.app);
    adminA = await signIn(t.app, 'staff', a.admin.email);
  });

  it('a read key reads its area, cannot write it (403 naming the scope) and reaches no other area', async () => {
    const call = asKey(t.app, (await createKey(adminA, { scopes: ['customers:read'] })).secret);
    const list = await call('GET', '/api/v1/customers');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.headers['ratelimit-policy']).toBe('"default";q=600;w=60');

    const write = await call('POST', '/api/v1/customers', newCustomer('Nope AB'));
    expect(write.statusCode).toBe(403);
    expect(write.json().error).toMatchObject({ code: 'api_key_scope_missing', params: { scope: 'customers:write' } });
    expect(write.json().error.message).toContain('customers:write');
    const patch = await call('PATCH', `/api/v1/customers/${a.company.customer.id}`, { name: 'Renamed' });
    expect(patch.statusCode).toBe(403);

    const other = await call('GET', '/api/v1/properties');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.params).toEqual({ scope: 'properties:read' });
    // Leases belong to the properties area.
    expect((await call('GET', '/api/v1/leases')).statusCode).toBe(403);
  });

  it("a key of landlord A sees none of B's rows and gets 404 on B's ids", async () => {
    const call = asKey(t.app, (await createKey(adminA, { scopes: ['customers:write', 'properties:write'] })).secret);
    const list = await call('GET', '/api/v1/customers?limit=100');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(a.company.customer.id);
    expect(ids).not.toContain(b.company.customer.id);
    expect(list.body).not.toContain(b.company.customer.name);
    expect((await call('GET', `/api/v1/customers/${b.company.customer.id}`)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/customers/${b.company.customer.id}`, { name: 'Stolen' })).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/properties/${b.property.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/leases/${b.flat.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/history/customer/${b.company.customer.id}`)).statusCode).toBe(404);
  });

  it('a key writes without a CSRF header (a cookie write still needs it) and the history names the key', async () => {
    const key = await createKey(adminA, { name: 'Fastighetssystem', scopes: ['customers:write'] });
    const call = asKey(t.app, key.secret);
    const created = await call('POST', '/api/v1/customers', newCustomer('Key Made AB'));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await call('PATCH', `/api/v1/customers/${id}`, { name: 'Key Renamed AB' })).statusCode).toBe(200);

    // The same write by a signed-in admin without the header is refused.
    const cookie = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      payload: newCustomer('Cookie AB'),
      headers: { cookie: adminA.headers().cookie! },
    });
    expect(cookie.statusCode).toBe(403);
    expect(cookie.json().error.code).toBe('csrf_failed');
    expect(cookie.headers.ratelimit).toBeUndefined();
    expect((await adminA.post('/api/v1/customers', newCustomer('Cookie AB'))).statusCode).toBe(201);

    const history = await adminA.get(`/api/v1/history/customer/${id}`);
    expect(history.statusCode).toBe(200);
    const actors = history.json().items.map((h: { actor: unknown }) => h.actor);
    expect(actors).toHaveLength(2);
    for (const actor of actors) expect(actor).toEqual({ kind: 'api_key', id: key.id, name: 'Fastighetssystem' });
    // The key reads the history of its area, and not of staff users or settings.
    expect((await call('GET', `/api/v1/history/customer/${id}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/history/property/${a.property.id}`)).json().error.code).toBe('api_key_scope_missing');
    for (const url of [`/api/v1/history/staff_user/${a.admin.id}`, `/api/v1/history/settings/${a.landlord.id}`]) {
      const res = await call('GET', url);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('api_key_not_allowed');
    }
  });

  it('a revoked key is refused on the very next request, an expired one at once', async () => {
    const key = await createKey(adminA, { scopes: ['customers:read'] });
    const call = asKey(t.app, key.secret);
    expect((await call('GET', '/api/v1/customers')).statusCode).toBe(200);
    const revoked = await adminA.post(`/api/v1/api-keys/${key.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    const after = await call('GET', '/api/v1/customers');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('api_key_revoked');
    expect(after.headers['www-authenticate']).toBe('Bearer realm="portico", error="invalid_token"');

    const soon = await createKey(adminA, { scopes: ['customers:read'], expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    const callSoon = asKey(t.app, soon.secret);
    expect((await callSoon('GET', '/api/v1/customers')).statusCode).toBe(200);
    await t.app.db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, soon.id));
    const expired = await callSoon('GET', '/api/v1/customers');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('api_key_expired');
    const listed = (await adminA.get('/api/v1/api-keys')).json().items.find((k: { id: string }) => k.id === soon.id);
    expect(listed.status).toBe('expired');
  });

  it('an unknown or malformed Authorization header is a 401, never a fallback to the cookie', async () => {
    const cookie = adminA.headers().cookie!;
    const unknown = `ptk_${'A'.repeat(43)}`;
    for (const authorization of [`Bearer ${unknown}`, 'Bearer nonsense', 'Basic YWRtaW46eA==', 'Bearer', '']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/customers', headers: { authorization, cookie } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().error.code).toBe('api_key_invalid');
    }
  });

  it('a key is refused on tenant routes, settings, staff users, imports and the console session', async () => {
    const all = ['properties', 'customers', 'messages', 'cases', 'billing', 'content', 'webhooks'].map((area) => `${area}:write`);
    const call = asKey(t.app, (await createKey(adminA, { scopes: all })).secret);
    for (const url of ['/api/v1/portal/threads', '/api/v1/portal/cases', '/api/v1/auth/portal/me']) {
      const res = await call('GET', url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('api_key_not_allowed');
    }
    for (const [method, url, body] of [
      ['GET', '/api/v1/settings'],
      ['PATCH', '/api/v1/settings', {}],
      ['GET', '/api/v1/staff-users'],
      ['POST', '/api/v1/staff-users', { email: 'x@staff.test', name: 'X', role: 'admin' }],
      ['GET', '/api/v1/imports'],
      ['GET', '/api/v1/auth/staff/me'],
    ] as [Method, string, unknown?][]) {
      const res = await call(method, url, body);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('api_key_not_allowed');
    }
    // With every scope, the landlord-scope areas answer.
    for (const url of ['/api/v1/properties', '/api/v1/leases', '/api/v1/threads', '/api/v1/cases']) {
      expect((await call('GET', url)).statusCode, url).toBe(200);
    }
  });

  it('a file is reachable only with a read scope of the area it belongs to', async () => {
    const upload = await adminA.upload('/api/v1/uploads', PNG, 'plan.png', 'image/png');
    expect(upload.statusCode, upload.body).toBe(201);
    const thread = await adminA.post('/api/v1/threads', {
      customerId: a.company.customer.id,
      leaseId: a.office.id,
      subject: 'With a file',
      body: 'See the plan',
      attachmentIds: [upload.json().id],
    });
    expect(thread.statusCode, thread.body).toBe(201);
    const url = `/api/v1/attachments/${upload.json().id}`;
    const properties = asKey(t.app, (await createKey(adminA, { scopes: ['properties:read', 'cases:read'] })).secret);
    expect((await properties('GET', url)).statusCode).toBe(404);
    const messages = asKey(t.app, (await createKey(adminA, { scopes: ['messages:read'] })).secret);
    const file = await messages('GET', url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    // No file area at all: refused before anything is looked up.
    const customers = asKey(t.app, (await createKey(adminA, { scopes: ['customers:write'] })).secret);
    expect((await customers('GET', url)).json().error).toMatchObject({ code: 'api_key_scope_missing', params: { scope: 'messages:read' } });
  });

  it('the key is answered in the landlord language unless the request asks for one', async () => {
    const sv = await makeLandlord(t.app, { locale: 'sv' });
    const admin = await signIn(t.app, 'staff', sv.admin.email);
    const call = asKey(t.app, (await createKey(admin, { scopes: ['customers:read'] })).secret);
    expect((await call('POST', '/api/v1/customers', newCustomer('x'))).json().error.message).toContain('saknar behörigheten');
    const en = await call('POST', '/api/v1/customers', newCustomer('x'), { 'accept-language': 'en' });
    expect(en.json().error.message).toContain('lacks the scope');
  });

  it('last used is recorded, at most once a minute', async () => {
    const key = await createKey(adminA, { scopes: ['customers:read'] });
    const call = asKey(t.app, key.secret);
    await call('GET', '/api/v1/customers');
    const [first] = await t.app.db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(first!.at).toBeInstanceOf(Date);
    await call('GET', '/api/v1/customers');
    const [second] = await t.app.db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(second!.at!.getTime()).toBe(first!.at!.getTime());
    // Older than a minute: the next request moves it on.
    const old = new Date(Date.now() - 120_000);
    await t.app.db.update(apiKeys).set({ lastUsedAt: old }).where(eq(apiKeys.id, key.id));
    await call('GET', '/api/v1/customers');
    const [third] = await t.app.db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(third!.at!.getTime()).toBeGreaterThan(old.getTime() + 60_000);
  });
});

describe('API keys: rate limit', () => {
  let limited: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    // An hour's window, so the test does not straddle a window's end.
    limited = await createTestApp({ API_KEY_RATE_LIMIT: '3', API_KEY_RATE_WINDOW_SECONDS: '3600' });
  });
  afterAll(() => limited.close());

  it('counts per key, sends RateLimit headers on every key response and answers 429 with Retry-After past the limit', async () => {
    const l = await makeLandlord(limited.app);
    const admin = await signIn(limited.app, 'staff', l.admin.email);
    const one = asKey(limited.app, (await createKey(admin, { scopes: ['customers:read'] })).secret);
    const two = asKey(limited.app, (await createKey(admin, { scopes: ['customers:read'] })).secret);

    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      // A refused request (no scope) counts too, and carries the headers.
      const res = i === 2 ? await one('GET', '/api/v1/properties') : await one('GET', '/api/v1/customers');
      expect(res.headers['ratelimit-policy']).toBe('"default";q=3;w=3600');
      remaining.push(String(res.headers.ratelimit).replace(/;t=\d+$/, ''));
      const t = Number(/;t=(\d+)$/.exec(String(res.headers.ratelimit))?.[1]);
      expect(t).toBeGreaterThan(0);
      expect(t).toBeLessThanOrEqual(3600);
    }
    expect(remaining).toEqual(['"default";r=2', '"default";r=1', '"default";r=0']);

    const over = await one('GET', '/api/v1/customers');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('api_key_rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.headers.ratelimit).toMatch(/^"default";r=0;t=\d+$/);

    // Another key of the same landlord has its own budget; cookie requests are not counted.
    expect((await two('GET', '/api/v1/customers')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) {
      const res = await admin.get('/api/v1/customers');
      expect(res.statusCode).toBe(200);
      expect(res.headers.ratelimit).toBeUndefined();
    }
  });
});
