import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, PASSWORD, sequenceAll, signIn } from '../../../test/helpers';
import { insertStaff } from '../../db/fixtures';
import { isForbiddenAddress } from './address-guard';

let t: Awaited<ReturnType<typeof createTestApp>>;
let strict: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createTestApp();
  // Production's setting: only https to public addresses.
  strict = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: '0' });
});
afterAll(async () => {
  await t?.close();
  await strict?.close();
});

const hook = { url: 'https://example.com/hooks/portico', eventTypes: ['case.created', 'customer.updated'] };

describe('the SSRF address check', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fc00::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['not an address', true],
    ['93.184.215.14', false],
    ['8.8.8.8', false],
    ['2606:4700:4700::1111', false],
    ['::ffff:8.8.8.8', false],
  ])('%s forbidden: %s', (address, forbidden) => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });

  it.each([
    'http://example.com/hook',
    'https://127.0.0.1/hook',
    'https://localhost/hook',
    'https://10.0.0.5/hook',
    'https://[::1]/hook',
    'https://[::ffff:192.168.0.1]/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://user:pw@example.com/hook',
  ])('refuses %s when saved (400 webhook_url_not_allowed)', async (url) => {
    const l = await makeLandlord(strict.app);
    const admin = await signIn(strict.app, 'staff', l.admin.email);
    const res = await admin.post('/api/v1/webhook-endpoints', { ...hook, url });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('webhook_url_not_allowed');
  });

  it('refuses an internal URL on update too, and accepts a public https one', async () => {
    const l = await makeLandlord(strict.app);
    const admin = await signIn(strict.app, 'staff', l.admin.email);
    const ok = await admin.post('/api/v1/webhook-endpoints', { ...hook, url: 'https://93.184.215.14/hook' });
    expect(ok.statusCode, ok.body).toBe(201);
    const res = await admin.patch(`/api/v1/webhook-endpoints/${ok.json().id}`, { url: 'https://192.168.0.10/hook' });
    expect(res.json().error.code).toBe('webhook_url_not_allowed');
  });
});

describe('webhook endpoints', () => {
  it('an admin creates, lists, edits, rotates, switches off and deletes an endpoint; the secret is shown only on create and rotate', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const created = await admin.post('/api/v1/webhook-endpoints', { ...hook, description: 'ERP' });
    expect(created.statusCode, created.body).toBe(201);
    const ep = created.json();
    expect(ep).toMatchObject({ url: hook.url, description: 'ERP', enabled: true, disabledReason: null });
    expect(ep.secret).toMatch(/^whsec_/);
    expect(Buffer.from(ep.secret.slice(6), 'base64')).toHaveLength(32);

    const list = (await admin.get('/api/v1/webhook-endpoints')).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([ep.id]);
    expect(JSON.stringify(list)).not.toContain(ep.secret);
    expect((await admin.get(`/api/v1/webhook-endpoints/${ep.id}`)).json().secret).toBeUndefined();

    const edited = await admin.patch(`/api/v1/webhook-endpoints/${ep.id}`, { eventTypes: ['lease.updated'], enabled: false });
    expect(edited.json()).toMatchObject({ eventTypes: ['lease.updated'], enabled: false, disabledReason: 'manual' });

    const rotated = (await admin.post(`/api/v1/webhook-endpoints/${ep.id}/rotate-secret`)).json();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(ep.secret);

    expect((await admin.request('DELETE', `/api/v1/webhook-endpoints/${ep.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/webhook-endpoints/${ep.id}`)).statusCode).toBe(404);
  });

  it('refuses unknown event types and an empty choice', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    expect((await admin.post('/api/v1/webhook-endpoints', { ...hook, eventTypes: [] })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/webhook-endpoints', { ...hook, eventTypes: ['invoice.exploded'] })).statusCode).toBe(400);
    // The test event is sent on request only; nobody subscribes to it.
    expect((await admin.post('/api/v1/webhook-endpoints', { ...hook, eventTypes: ['webhook.test'] })).statusCode).toBe(400);
  });

  it('managers manage too; finance and technicians get 403; another landlord’s endpoint is 404', async () => {
    const l = await makeLandlord(t.app);
    const other = await makeLandlord(t.app);
    const manager = await signIn(t.app, 'staff', l.manager.email);
    const ep = (await manager.post('/api/v1/webhook-endpoints', hook)).json();
    expect(ep.id).toBeDefined();
    const finance = await insertStaff(t.app.db, {
      landlordId: l.landlord.id,
      email: `finance-${l.landlord.id}@staff.test`,
      name: 'Finance',
      role: 'finance',
      password: PASSWORD,
    });
    for (const email of [finance.email, l.technician.email]) {
      const staff = await signIn(t.app, 'staff', email);
      expect((await staff.get('/api/v1/webhook-endpoints')).statusCode).toBe(403);
      expect((await staff.post('/api/v1/webhook-endpoints', hook)).statusCode).toBe(403);
      expect((await staff.get('/api/v1/events')).statusCode).toBe(403);
    }
    const outsider = await signIn(t.app, 'staff', other.admin.email);
    expect((await outsider.get(`/api/v1/webhook-endpoints/${ep.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/v1/webhook-endpoints/${ep.id}/test`)).statusCode).toBe(404);
    expect((await outsider.request('DELETE', `/api/v1/webhook-endpoints/${ep.id}`)).statusCode).toBe(404);
    expect((await outsider.get('/api/v1/webhook-endpoints')).json().items).toEqual([]);
  });

  it('a test event and a redelivered feed event appear in the delivery log as pending with the body to send', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const ep = (await admin.post('/api/v1/webhook-endpoints', hook)).json();
    const test = await admin.post(`/api/v1/webhook-endpoints/${ep.id}/test`);
    expect(test.statusCode, test.body).toBe(201);
    expect(test.json()).toMatchObject({ eventType: 'webhook.test', status: 'pending', attempts: 0 });
    const detail = (await admin.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries/${test.json().id}`)).json();
    expect(JSON.parse(detail.requestBody)).toMatchObject({ type: 'webhook.test', data: { endpointId: ep.id } });

    // An event from the feed (customer.updated) sent on request, with the feed's payload.
    expect((await admin.patch(`/api/v1/customers/${l.household.customer.id}`, { name: 'Renamed household' })).statusCode).toBe(200);
    await sequenceAll(t.deps.db);
    const event = (await admin.get('/api/v1/events?types=customer.updated')).json().items[0];
    expect(event.data).toMatchObject({ customerId: l.household.customer.id, changes: ['name'] });
    const again = await admin.post(`/api/v1/webhook-endpoints/${ep.id}/redeliver`, { eventId: event.id });
    expect(again.statusCode, again.body).toBe(201);
    const body = (await admin.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries/${again.json().id}`)).json().requestBody;
    const { id: _, ...envelope } = event;
    expect(JSON.parse(body)).toEqual(envelope);
    // Another landlord's event id is unknown here.
    const other = await makeLandlord(t.app);
    const outsider = await signIn(t.app, 'staff', other.admin.email);
    const otherEp = (await outsider.post('/api/v1/webhook-endpoints', hook)).json();
    expect((await outsider.post(`/api/v1/webhook-endpoints/${otherEp.id}/redeliver`, { eventId: event.id })).statusCode).toBe(404);

    // The log, newest first, a page at a time: the redelivery, the subscribed event's own delivery
    // (the endpoint takes customer.updated), the test event.
    const seen: { id: string; eventType: string }[] = [];
    let cursor = '';
    for (let i = 0; i < 3; i++) {
      const page = (await admin.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries?limit=1${cursor}`)).json();
      expect(page.total).toBe(3);
      seen.push(...page.items);
      cursor = `&cursor=${page.nextCursor}`;
    }
    expect(seen.map((d) => d.id)).toEqual([again.json().id, expect.any(String), test.json().id]);
    expect(seen.map((d) => d.eventType)).toEqual(['customer.updated', 'customer.updated', 'webhook.test']);
  });
});

describe('the changes feed', () => {
  it('answers a damaged cursor with 400 and an unknown type with 400', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const bad = await admin.get(`/api/v1/events?after=${Buffer.from('x99').toString('base64url')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('event_cursor_invalid');
    expect((await admin.get('/api/v1/events?types=nope.nothing')).statusCode).toBe(400);
  });

  it('holds only events the change committed: a refused change announces nothing', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const start = (await admin.get('/api/v1/events')).json();
    expect(start.items).toEqual([]);
    expect(start.nextCursor).toEqual(expect.any(String));
    // A 409 rolls back the whole transaction, event included.
    const taken = await admin.post('/api/v1/leases', {
      number: l.flat.number,
      type: 'residential',
      customerId: l.household.customer.id,
      unitIds: [l.units[0]!.id],
      validFrom: '2026-01-01',
      noticePeriodMonths: 3,
      rentLines: [],
    });
    expect(taken.statusCode).toBeGreaterThanOrEqual(400);
    expect((await admin.patch(`/api/v1/leases/${l.flat.id}`, { noticePeriodMonths: 2 })).statusCode).toBe(200);
    await sequenceAll(t.deps.db);
    const after = (await admin.get(`/api/v1/events?after=${start.nextCursor}`)).json();
    expect(after.items.map((e: { type: string }) => e.type)).toEqual(['lease.updated']);
    expect(after.items[0].data).toMatchObject({ leaseId: l.flat.id, changes: ['noticePeriodMonths'] });
  });

  it('announces cases, replies, status and assignment changes, and messages', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const created = await admin.post('/api/v1/cases', {
      title: 'Leak',
      description: 'Water',
      type: 'fault',
      customerId: l.household.customer.id,
      leaseId: l.flat.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id;
    expect((await admin.post(`/api/v1/cases/${caseId}/replies`, { body: 'On it' })).statusCode).toBeLessThan(300);
    expect((await admin.post(`/api/v1/cases/${caseId}/status`, { status: 'in_progress' })).statusCode).toBeLessThan(300);
    expect((await admin.post(`/api/v1/cases/${caseId}/assign`, { assigneeId: l.manager.id })).statusCode).toBeLessThan(300);
    await sequenceAll(t.deps.db);
    const items = (await admin.get('/api/v1/events')).json().items as { type: string; data: Record<string, unknown> }[];
    expect(items.map((e) => e.type)).toEqual(['case.created', 'case.reply_created', 'case.updated', 'case.updated']);
    expect(items[2]!.data).toMatchObject({ caseId, changes: ['status'], status: 'in_progress' });
    expect(items[3]!.data).toMatchObject({ caseId, changes: ['assignee'], assigneeId: l.manager.id });
  });
});
