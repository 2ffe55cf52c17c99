import { randomUUID } from 'node:crypto';
import { noticeState } from '@portico/shared/contracts/operational-info';
import { and, eq, type SQLWrapper, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, PASSWORD, signIn, type TestLandlord } from '../../../test/helpers';
import { insertCustomer, insertLease, insertPortalUser, insertProperty } from '../../db/fixtures';
import { operationalNotices } from '../../db/schema/content';
import { outbox } from '../../db/schema/outbox';
import { portalUsers } from '../../db/schema/portal-users';
import * as repo from './repo';

/** Issue 12 §1: operational information (driftsinformation, seed 002). */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tag = () => randomUUID().slice(0, 8);
const HOUR = 3600_000;
const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

type Prefs = { email: boolean; sms: boolean };
const prefsWith = (notices: Prefs) => ({
  messages: { email: true, sms: false },
  cases: { email: true, sms: false },
  notices,
  invoices: { email: true, sms: false },
});

/** A portal person of `customerId` with a phone and preferences of their own. */
async function person(
  l: TestLandlord,
  customerId: string,
  opts: { phone?: string | null; notices?: Prefs; locale?: 'sv' | 'da' | 'en' } = {},
) {
  const user = await insertPortalUser(
    t.app.db,
    { email: `p-${tag()}@tenant.test`, name: `Person ${tag()}`, password: PASSWORD, ...(opts.locale ? { locale: opts.locale } : {}) },
    [{ landlordId: l.landlord.id, customerId, role: 'user' }],
  );
  await t.app.db
    .update(portalUsers)
    .set({
      phone: opts.phone === undefined ? '070-123 45 67' : opts.phone,
      notificationPrefs: opts.notices ? prefsWith(opts.notices) : null,
    })
    .where(eq(portalUsers.id, user.id));
  return user;
}

/** The test landlord plus a second property ("Annexet") with a household of its own and its portal person. */
async function setUp() {
  const l = await makeLandlord(t.app);
  const { property: annex, units } = await insertProperty(
    t.app.db,
    { landlordId: l.landlord.id, name: 'Annexet', street: 'Annexgatan 2', postalCode: '111 12', city: 'Stockholm' },
    [{ number: '2001', type: 'apartment', address: 'Annexgatan 2, lgh 2001' }],
  );
  const neighbour = await insertCustomer(t.app.db, { landlordId: l.landlord.id, kind: 'person', name: `Neighbour ${tag()}` }, [
    { name: 'Neighbour', email: `n-${tag()}@tenant.test` },
  ]);
  await insertLease(t.app.db, {
    landlordId: l.landlord.id,
    customerId: neighbour.customer.id,
    unitId: units[0]!.id,
    number: `L-${tag()}`,
    validFrom: '2024-01-01',
  });
  const neighbourUser = await person(l, neighbour.customer.id);
  return {
    l,
    annex,
    neighbour,
    neighbourUser,
    manager: await signIn(t.app, 'staff', l.manager.email),
    /** The company's main administrator (tenant in Testgatan 1). */
    tenant: await portalAs(l.companyUser.email, l.company.customer.id),
    neighbourClient: await portalAs(neighbourUser.email, neighbour.customer.id),
  };
}

async function portalAs(email: string, customerId: string) {
  const c = await signIn(t.app, 'portal', email);
  c.customerId = customerId;
  return c;
}

const notice = (over: Record<string, unknown> = {}) => ({
  kind: 'disruption',
  title: 'Water off in the stairwell',
  body: 'The **water** is off while we fix a leak. <script>alert(1)</script>',
  startsAt: at(-1),
  endsAt: at(5),
  target: { allProperties: false, propertyIds: [] as string[] },
  ...over,
});

async function publish(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/operational-notices', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const outboxOf = (noticeId: string) => t.app.db.select().from(outbox).where(eq(outbox.noticeId, noticeId));

describe('the state rule (shared)', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it.each([
    [{ startsAt: '2026-12-02T00:00:00Z', endsAt: null, resolvedAt: null }, 'planned'],
    [{ startsAt: '2026-12-01T11:00:00Z', endsAt: null, resolvedAt: null }, 'current'],
    [{ startsAt: '2026-12-01T11:00:00Z', endsAt: '2026-12-01T13:00:00Z', resolvedAt: null }, 'current'],
    [{ startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-01T12:00:00Z', resolvedAt: null }, 'resolved'],
    [{ startsAt: '2026-12-02T00:00:00Z', endsAt: null, resolvedAt: '2026-12-01T11:00:00Z' }, 'resolved'],
  ] as const)('%o is %s', (n, expected) => {
    expect(noticeState(n, now)).toBe(expected);
  });
});

describe('staff: publishing, listing, updating, resolving', () => {
  it('publishes a notice for one property with sanitised HTML and a "published" history entry', async () => {
    const s = await setUp();
    const created = await publish(s.manager, notice({ target: { allProperties: false, propertyIds: [s.l.property.id] } }));
    expect(created).toMatchObject({
      kind: 'disruption',
      state: 'current',
      urgent: false,
      allProperties: false,
      properties: [{ id: s.l.property.id, name: 'Testgatan 1' }],
      history: [{ kind: 'published' }],
    });
    expect(created.bodyHtml).toContain('<strong>water</strong>');
    expect(created.bodyHtml).not.toContain('<script');
    // Not urgent: nothing goes out.
    expect(await outboxOf(created.id)).toEqual([]);
  });

  it('lists newest start first, filtered by state and by property, page by page', async () => {
    const s = await setUp();
    const mine = { allProperties: false, propertyIds: [s.l.property.id] };
    const current = await publish(s.manager, notice({ title: 'Current', target: mine }));
    const planned = await publish(
      s.manager,
      notice({ kind: 'planned_work', title: 'Planned', startsAt: at(48), endsAt: at(52), target: mine }),
    );
    const ended = await publish(s.manager, notice({ title: 'Ended', startsAt: at(-10), endsAt: at(-2), target: mine }));
    const everywhere = await publish(
      s.manager,
      notice({ title: 'Everywhere', startsAt: at(-3), target: { allProperties: true, propertyIds: [] } }),
    );
    const annex = await publish(
      s.manager,
      notice({ title: 'Annex', startsAt: at(-4), target: { allProperties: false, propertyIds: [s.annex.id] } }),
    );

    const all = (await s.manager.get('/api/v1/operational-notices')).json();
    expect(all.items.map((n: { id: string }) => n.id)).toEqual([planned.id, current.id, everywhere.id, annex.id, ended.id]);
    expect(all.total).toBe(5);
    const ids = async (q: string) =>
      (await s.manager.get(`/api/v1/operational-notices?${q}`)).json().items.map((n: { id: string }) => n.id);
    expect(await ids('state=planned')).toEqual([planned.id]);
    expect(await ids('state=current')).toEqual([current.id, everywhere.id, annex.id]);
    expect(await ids('state=resolved')).toEqual([ended.id]);
    expect(await ids(`propertyId=${s.annex.id}`)).toEqual([everywhere.id, annex.id]);
    expect(await ids(`state=current&propertyId=${s.l.property.id}`)).toEqual([current.id, everywhere.id]);

    const first = (await s.manager.get('/api/v1/operational-notices?limit=2')).json();
    expect(first.items.map((n: { id: string }) => n.id)).toEqual([planned.id, current.id]);
    const second = (await s.manager.get(`/api/v1/operational-notices?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((n: { id: string }) => n.id)).toEqual([everywhere.id, annex.id]);
  });

  it('updates text, dates and targets with an "updated" history entry, resolves early, then refuses further changes', async () => {
    const s = await setUp();
    const created = await publish(s.manager, notice({ target: { allProperties: false, propertyIds: [s.l.property.id] } }));
    const updated = await s.manager.patch(`/api/v1/operational-notices/${created.id}`, {
      title: 'Water off, now in both buildings',
      target: { allProperties: false, propertyIds: [s.l.property.id, s.annex.id] },
      endsAt: at(8),
      comment: 'The plumber needs *three* more hours.',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ title: 'Water off, now in both buildings', state: 'current' });
    expect(updated.json().properties.map((p: { name: string }) => p.name)).toEqual(['Annexet', 'Testgatan 1']);
    expect(updated.json().history.map((h: { kind: string }) => h.kind)).toEqual(['published', 'updated']);
    expect(updated.json().history[1].bodyHtml).toContain('<em>three</em>');

    const resolved = await s.manager.post(`/api/v1/operational-notices/${created.id}/resolve`, { comment: 'Fixed.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().state).toBe('resolved');
    expect(resolved.json().history.map((h: { kind: string }) => h.kind)).toEqual(['published', 'updated', 'resolved']);
    const again = await s.manager.post(`/api/v1/operational-notices/${created.id}/resolve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('notice_already_resolved');
    expect((await s.manager.patch(`/api/v1/operational-notices/${created.id}`, { title: 'x' })).statusCode).toBe(409);
  });

  it('refuses bad input with 400 and another landlord’s property or notice with 404', async () => {
    const s = await setUp();
    const other = await makeLandlord(t.app);
    const bad = [
      notice({ target: { allProperties: false, propertyIds: [] } }),
      notice({ startsAt: at(5), endsAt: at(1), target: { allProperties: true, propertyIds: [] } }),
      notice({ urgent: true, channels: { email: false, sms: false }, target: { allProperties: true, propertyIds: [] } }),
      notice({ kind: 'rumour', target: { allProperties: true, propertyIds: [] } }),
    ];
    for (const body of bad) expect((await s.manager.post('/api/v1/operational-notices', body)).statusCode).toBe(400);
    const foreign = await s.manager.post(
      '/api/v1/operational-notices',
      notice({ target: { allProperties: false, propertyIds: [other.property.id] } }),
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.resource).toBe('property');

    const theirs = await publish(
      await signIn(t.app, 'staff', other.manager.email),
      notice({ target: { allProperties: true, propertyIds: [] } }),
    );
    expect((await s.manager.get(`/api/v1/operational-notices/${theirs.id}`)).statusCode).toBe(404);
    expect((await s.manager.patch(`/api/v1/operational-notices/${theirs.id}`, { title: 'Mine now' })).statusCode).toBe(404);
    expect((await s.manager.post(`/api/v1/operational-notices/${theirs.id}/resolve`, {})).statusCode).toBe(404);
    expect((await s.manager.get(`/api/v1/operational-notices/${theirs.id}/deliveries`)).statusCode).toBe(404);
    expect((await s.manager.get('/api/v1/operational-notices')).json().items).toEqual([]);
    // An end before the stored start, sent alone, is still refused.
    const mine = await publish(s.manager, notice({ target: { allProperties: true, propertyIds: [] } }));
    expect((await s.manager.patch(`/api/v1/operational-notices/${mine.id}`, { endsAt: at(-3) })).statusCode).toBe(400);
  });

  it('is for administrators and managers: finance and technicians get 403', async () => {
    const s = await setUp();
    const created = await publish(s.manager, notice({ target: { allProperties: true, propertyIds: [] } }));
    const admin = await signIn(t.app, 'staff', s.l.admin.email);
    expect((await admin.get(`/api/v1/operational-notices/${created.id}`)).statusCode).toBe(200);
    const technician = await signIn(t.app, 'staff', s.l.technician.email);
    expect((await technician.get('/api/v1/operational-notices')).statusCode).toBe(403);
    expect(
      (await technician.post('/api/v1/operational-notices', notice({ target: { allProperties: true, propertyIds: [] } }))).statusCode,
    ).toBe(403);
    expect((await technician.post(`/api/v1/operational-notices/${created.id}/resolve`, {})).statusCode).toBe(403);
    // A tenant cannot use the staff routes at all.
    expect((await s.tenant.get('/api/v1/operational-notices')).statusCode).toBe(401);
  });
});

describe('the urgent fan-out', () => {
  it('writes one row per channel per affected person, honouring preferences and phones, and none to other properties', async () => {
    const s = await setUp();
    const { l } = s;
    // People of the household (Testgatan 1) and of the company (Testgatan 1), with different wishes.
    const both = await person(l, l.household.customer.id, { notices: { email: true, sms: true }, locale: 'sv' });
    const emailOnly = await person(l, l.household.customer.id, { notices: { email: true, sms: false } });
    const smsOnly = await person(l, l.company.customer.id, { notices: { email: false, sms: true } });
    const none = await person(l, l.company.customer.id, { notices: { email: false, sms: false } });
    const noPhone = await person(l, l.company.customer.id, { phone: null });
    const landline = await person(l, l.company.customer.id, { phone: '08-123 456' });
    // A person in both customers hears once.
    const twice = await insertPortalUser(t.app.db, { email: `twice-${tag()}@tenant.test`, name: 'Twice', password: PASSWORD }, [
      { landlordId: l.landlord.id, customerId: l.household.customer.id, role: 'user' },
      { landlordId: l.landlord.id, customerId: l.company.customer.id, role: 'user' },
    ]);

    const created = await publish(
      s.manager,
      notice({ urgent: true, channels: { email: true, sms: true }, target: { allProperties: false, propertyIds: [l.property.id] } }),
    );
    const rows = await outboxOf(created.id);
    const sent = rows.map((r) => [(r.payload as { name: string }).name, r.channel] as const);
    const expected: (readonly [string, string])[] = [
      [both.name, 'email'],
      [both.name, 'sms'],
      [emailOnly.name, 'email'],
      [smsOnly.name, 'sms'],
      [noPhone.name, 'email'],
      [landline.name, 'email'],
      [twice.name, 'email'],
      // The company's main administrator (default preferences: e-mail and SMS, but no phone).
      [l.companyUser.name, 'email'],
    ];
    expect(sent.map((x) => x.join('/')).sort()).toEqual(expected.map((x) => x.join('/')).sort());
    expect(sent.some(([name]) => name === none.name || name === s.neighbourUser.name)).toBe(false);
    // Each row names the notice and the customer, so staff see delivery per recipient; the payload is the recipient's language.
    const sms = rows.find((r) => r.channel === 'sms' && (r.payload as { name: string }).name === both.name)!;
    expect(sms).toMatchObject({ landlordId: l.landlord.id, noticeId: created.id, customerId: l.household.customer.id, status: 'pending' });
    expect(sms.payload).toMatchObject({ template: 'operational_notice', to: '+46701234567', locale: 'sv', update: false });
    expect((sms.payload as { link: string }).link).toMatch(new RegExp(`/operational-info/${created.id}$`));
    expect((sms.payload as { body: string }).body).not.toContain('**');

    // Staff see the rows with recipient, channel and state; the detail counts them.
    const detail = (await s.manager.get(`/api/v1/operational-notices/${created.id}`)).json();
    expect(detail.deliveries).toEqual({ email: { queued: 6, sent: 0, failed: 0 }, sms: { queued: 2, sent: 0, failed: 0 } });
    const page = (await s.manager.get(`/api/v1/operational-notices/${created.id}/deliveries?limit=5`)).json();
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(8);
    const rest = (await s.manager.get(`/api/v1/operational-notices/${created.id}/deliveries?limit=5&cursor=${page.nextCursor}`)).json();
    expect(new Set([...page.items, ...rest.items].map((d: { id: string }) => d.id)).size).toBe(8);
    expect(page.items[0]).toMatchObject({ state: 'queued', customerName: expect.any(String), recipientName: expect.any(String) });
  });

  it('a failed delivery shows its error and can be retried through the deliveries route', async () => {
    const s = await setUp();
    const created = await publish(s.manager, notice({ urgent: true, target: { allProperties: true, propertyIds: [] } }));
    const [row] = await outboxOf(created.id);
    await t.app.db.update(outbox).set({ status: 'failed', lastError: '550 No such user' }).where(eq(outbox.id, row!.id));
    const failed = (await s.manager.get(`/api/v1/operational-notices/${created.id}/deliveries?state=failed`)).json();
    expect(failed.items).toMatchObject([{ id: row!.id, state: 'failed', lastError: '550 No such user' }]);
    expect((await s.manager.post(`/api/v1/deliveries/${row!.id}/retry`, {})).statusCode).toBe(200);
  });

  it('a landlord-wide urgent notice reaches every property; a non-urgent one nobody', async () => {
    const s = await setUp();
    const wide = await publish(
      s.manager,
      notice({ urgent: true, channels: { email: true, sms: false }, target: { allProperties: true, propertyIds: [] } }),
    );
    const names = (await outboxOf(wide.id)).map((r) => (r.payload as { name: string }).name);
    expect(names).toContain(s.neighbourUser.name);
    expect(names).toContain(s.l.companyUser.name);
    const quiet = await publish(s.manager, notice({ urgent: false, target: { allProperties: true, propertyIds: [] } }));
    expect(await outboxOf(quiet.id)).toEqual([]);
  });

  it('an update marked to notify goes out again; one not marked does not', async () => {
    const s = await setUp();
    const created = await publish(
      s.manager,
      notice({ urgent: true, channels: { email: true, sms: false }, target: { allProperties: false, propertyIds: [s.annex.id] } }),
    );
    expect(await outboxOf(created.id)).toHaveLength(1);
    await s.manager.patch(`/api/v1/operational-notices/${created.id}`, { comment: 'Quiet fix of a typo' });
    expect(await outboxOf(created.id)).toHaveLength(1);
    const res = await s.manager.patch(`/api/v1/operational-notices/${created.id}`, {
      comment: 'Now until 18:00',
      notify: { email: true, sms: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await outboxOf(created.id);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => (r.payload as { update: boolean }).update).sort()).toEqual([false, true]);
  });

  it('rolls back with the notice: a publish that fails at commit leaves neither notice nor outbox rows', async () => {
    const s = await setUp();
    const title = `Rolled back ${tag()}`;
    // A fault at commit, after the fan-out wrote its rows: a deferred trigger refusing this notice's outbox rows.
    const fn = `ops_fail_${tag()}`;
    await t.app.db.execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
        if new.payload->>'title' = '${title}' then raise exception 'injected fault'; end if; return null; end $$;
        create constraint trigger ${fn} after insert on outbox deferrable initially deferred for each row execute function ${fn}();`),
    );
    try {
      const res = await s.manager.post(
        '/api/v1/operational-notices',
        notice({ title, urgent: true, target: { allProperties: true, propertyIds: [] } }),
      );
      expect(res.statusCode).toBe(500);
    } finally {
      await t.app.db.execute(sql.raw(`drop trigger ${fn} on outbox; drop function ${fn}();`));
    }
    const saved = await t.app.db
      .select()
      .from(operationalNotices)
      .where(and(eq(operationalNotices.landlordId, s.l.landlord.id), eq(operationalNotices.title, title)));
    expect(saved).toEqual([]);
    const rows = await t.app.db.select().from(outbox).where(eq(outbox.landlordId, s.l.landlord.id));
    expect(rows.filter((r) => (r.payload as { title?: string }).title === title)).toEqual([]);
    // Without the fault the same publish writes both.
    const ok = await publish(s.manager, notice({ title, urgent: true, target: { allProperties: true, propertyIds: [] } }));
    expect((await outboxOf(ok.id)).length).toBeGreaterThan(0);
  });
});

describe('the portal', () => {
  it('shows current and planned notices of the customer’s properties and landlord-wide ones, not others', async () => {
    const s = await setUp();
    const mine = { allProperties: false, propertyIds: [s.l.property.id] };
    const current = await publish(s.manager, notice({ title: 'Here now', target: mine }));
    const planned = await publish(
      s.manager,
      notice({ kind: 'planned_work', title: 'Here later', startsAt: at(24), endsAt: at(26), target: mine }),
    );
    await publish(s.manager, notice({ title: 'Over', startsAt: at(-5), endsAt: at(-1), target: mine }));
    const annex = await publish(s.manager, notice({ title: 'Annex only', target: { allProperties: false, propertyIds: [s.annex.id] } }));
    const wide = await publish(
      s.manager,
      notice({ title: 'Everyone', startsAt: at(-2), target: { allProperties: true, propertyIds: [] } }),
    );
    const resolved = await publish(s.manager, notice({ title: 'Resolved early', target: mine }));
    await s.manager.post(`/api/v1/operational-notices/${resolved.id}/resolve`, {});

    const res = await s.tenant.get('/api/v1/portal/operational-notices');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.current.map((n: { id: string }) => n.id)).toEqual([current.id, wide.id]);
    expect(list.planned.map((n: { id: string }) => n.id)).toEqual([planned.id]);
    expect(list.current[1].properties).toEqual([{ id: s.l.property.id, name: 'Testgatan 1' }]);
    expect(list.current[0]).not.toHaveProperty('body');

    const theirs = (await s.neighbourClient.get('/api/v1/portal/operational-notices')).json();
    expect(theirs.current.map((n: { id: string }) => n.id).sort()).toEqual([annex.id, wide.id].sort());
    expect(theirs.planned).toEqual([]);
    // Another property's notice does not exist for this tenant.
    expect((await s.tenant.get(`/api/v1/portal/operational-notices/${annex.id}`)).statusCode).toBe(404);
    expect((await s.neighbourClient.get(`/api/v1/portal/operational-notices/${current.id}`)).statusCode).toBe(404);
  });

  it('filters by one of the customer’s properties, and answers 404 for any other property', async () => {
    const s = await setUp();
    const here = await publish(s.manager, notice({ target: { allProperties: false, propertyIds: [s.l.property.id] } }));
    await publish(s.manager, notice({ target: { allProperties: false, propertyIds: [s.annex.id] } }));
    const res = await s.tenant.get(`/api/v1/portal/operational-notices?propertyId=${s.l.property.id}`);
    expect(res.json().current.map((n: { id: string }) => n.id)).toEqual([here.id]);
    expect((await s.tenant.get(`/api/v1/portal/operational-notices?propertyId=${s.annex.id}`)).statusCode).toBe(404);
    expect((await s.tenant.get(`/api/v1/portal/operational-notices?propertyId=${randomUUID()}`)).statusCode).toBe(404);
    // By lease (the new-case form): the lease's property; another customer's lease is 404.
    const byLease = await s.tenant.get(`/api/v1/portal/operational-notices?leaseId=${s.l.office.id}`);
    expect(byLease.json().current.map((n: { id: string }) => n.id)).toEqual([here.id]);
    expect((await s.neighbourClient.get(`/api/v1/portal/operational-notices?leaseId=${s.l.office.id}`)).statusCode).toBe(404);
  });

  it('shows one notice with its history to every role; another landlord’s is 404', async () => {
    const s = await setUp();
    const created = await publish(s.manager, notice({ target: { allProperties: false, propertyIds: [s.l.property.id] } }));
    await s.manager.patch(`/api/v1/operational-notices/${created.id}`, { comment: 'Parts ordered' });
    const user = await person(s.l, s.l.company.customer.id);
    for (const c of [s.tenant, await portalAs(user.email, s.l.company.customer.id)]) {
      const res = await c.get(`/api/v1/portal/operational-notices/${created.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().history.map((h: { kind: string }) => h.kind)).toEqual(['published', 'updated']);
      expect(res.json().history[1].bodyHtml).toContain('Parts ordered');
    }
    const other = await makeLandlord(t.app);
    const theirs = await publish(
      await signIn(t.app, 'staff', other.manager.email),
      notice({ target: { allProperties: true, propertyIds: [] } }),
    );
    expect((await s.tenant.get(`/api/v1/portal/operational-notices/${theirs.id}`)).statusCode).toBe(404);
    expect((await s.tenant.get(`/api/v1/portal/operational-notices/${theirs.id}/calendar.ics`)).statusCode).toBe(404);
  });

  it('serves planned work as an iCalendar file with its times in UTC; a disruption has none', async () => {
    const s = await setUp();
    const startsAt = '2027-03-04T07:00:00.000Z';
    const endsAt = '2027-03-04T15:30:00.000Z';
    const planned = await publish(
      s.manager,
      notice({
        kind: 'planned_work',
        title: 'Elevator service',
        body: 'The elevator is **closed**.',
        startsAt,
        endsAt,
        target: { allProperties: false, propertyIds: [s.l.property.id] },
      }),
    );
    const res = await s.tenant.get(`/api/v1/portal/operational-notices/${planned.id}/calendar.ics`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="planned-work-2027-03-04.ics"');
    const text = res.body.replace(/\r\n[ \t]/g, '');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain(`UID:${planned.id}@portico`);
    expect(text).toContain('SUMMARY:Elevator service');
    expect(text).toContain('DTSTART:20270304T070000Z');
    expect(text).toContain('DTEND:20270304T153000Z');
    expect(text).toContain('DESCRIPTION:The elevator is closed.');
    expect(text).toContain(`/operational-info/${planned.id}`);
    expect(text).toContain('END:VCALENDAR');

    const disruption = await publish(s.manager, notice({ target: { allProperties: false, propertyIds: [s.l.property.id] } }));
    expect((await s.tenant.get(`/api/v1/portal/operational-notices/${disruption.id}/calendar.ics`)).statusCode).toBe(404);
    expect((await s.neighbourClient.get(`/api/v1/portal/operational-notices/${planned.id}/calendar.ics`)).statusCode).toBe(404);
  });
});

describe('plans on a few thousand rows (docs/content-plans.md)', () => {
  it('a landlord-wide notice’s deliveries are read in order from outbox_notice_idx, not sorted per page', async () => {
    const l = await makeLandlord(t.app);
    const landlordId = l.landlord.id;
    const [notice] = await t.app.db
      .insert(operationalNotices)
      .values({
        landlordId,
        kind: 'disruption',
        title: 'Vattenläcka',
        body: 'b',
        bodyHtml: '<p>b</p>',
        urgent: true,
        allProperties: true,
        startsAt: new Date(),
      })
      .returning();
    const n = 4000;
    await t.app.db.insert(outbox).values(
      Array.from({ length: n }, (_, i) => ({
        landlordId,
        channel: i % 2 ? ('sms' as const) : ('email' as const),
        payload: { to: `p${i}@tenant.test`, name: `P${i}` },
        noticeId: notice!.id,
        customerId: l.company.customer.id,
        status: i % 50 === 0 ? ('failed' as const) : ('sent' as const),
        attempts: 1,
        createdAt: new Date(Date.now() - (n - i) * 1000),
        enqueuedAt: new Date(),
      })),
    );
    await t.app.db.execute(sql`analyze outbox`);
    const plan = async (q: SQLWrapper) => {
      const res = await t.app.db.execute(sql`explain ${q}`);
      return res.rows.map((r) => (r as { 'QUERY PLAN': string })['QUERY PLAN']).join('\n');
    };
    // (The status filter is a residual filter on the same scan; on this small table the planner may as well
    // walk outbox_settled_idx, so it is checked on the 1M-row data instead: docs/content-plans.md.)
    const params = { landlordId, noticeId: notice!.id, limit: 25 };
    const first = await repo.listNoticeDeliveries(t.app.db, params);
    for (const q of [
      repo.noticeDeliveriesQuery(t.app.db, params, undefined),
      repo.noticeDeliveriesQuery(t.app.db, params, repo.decodeDeliveryCursor(first.nextCursor ?? undefined)),
    ]) {
      const text = await plan(q);
      expect(text, text).toContain('outbox_notice_idx');
      expect(text, text).not.toMatch(/\bSort\b/);
    }
  });
});
