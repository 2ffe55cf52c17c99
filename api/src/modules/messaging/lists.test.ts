import { readFileSync } from 'node:fs';
import { COUNT_CAP } from '@portico/shared/pagination';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, signIn, type TestLandlord } from '../../../test/helpers';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DERIVE_SQL = readFileSync(new URL('../../../../bench/derive/messaging.sql', import.meta.url), 'utf8');

type Page = {
  items: { id: string; unread: boolean }[];
  nextCursor: string | null;
  previousCursor: string | null;
  total: number;
  totalCapped: boolean;
};

async function staffThread(l: TestLandlord, staff: Client, subject: string, customer: 'company' | 'household' = 'company') {
  const res = await staff.post('/api/v1/threads', {
    customerId: l[customer].customer.id,
    leaseId: customer === 'company' ? l.office.id : l.flat.id,
    subject,
    body: `About ${subject}`,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function tenantThread(tenant: Client, l: TestLandlord, subject: string) {
  const res = await tenant.post('/api/v1/portal/threads', { leaseId: l.office.id, subject, body: `About ${subject}` });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** Walks a list to its end by nextCursor, then back to the start by previousCursor. */
async function walk(client: Client, path: string, limit: number) {
  const sep = path.includes('?') ? '&' : '?';
  const get = async (cursor?: string) => {
    const res = await client.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    return res.json() as Page;
  };
  const forward: Page[] = [await get()];
  expect(forward[0]!.previousCursor).toBeNull();
  while (forward.at(-1)!.nextCursor) forward.push(await get(forward.at(-1)!.nextCursor!));
  const back: Page[] = [forward.at(-1)!];
  while (back.at(-1)!.previousCursor) back.push(await get(back.at(-1)!.previousCursor!));
  return { forward, back: back.reverse() };
}

/** The unread count as the definition says, straight from threads and thread_reads. */
async function directUnread(landlordId: string, staffId: string) {
  const r = await t.app.db.execute<{ n: number }>(sql`
    select count(*)::int as n from threads th
    left join thread_reads r on r.thread_id = th.id and r.reader_kind = 'staff' and r.reader_id = ${staffId}
    where th.landlord_id = ${landlordId} and th.last_tenant_message_at is not null
      and th.last_tenant_message_at > coalesce(r.last_read_at, '-infinity'::timestamptz)`);
  return r.rows[0]!.n;
}

const unread = async (client: Client, audience: 'staff' | 'portal') =>
  (await client.get(audience === 'staff' ? '/api/v1/threads/unread-count' : '/api/v1/portal/threads/unread-count')).json();

describe('thread lists page by cursor', () => {
  it('walks every page of the inbox forward and back with no duplicates or gaps, ties included', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await staffThread(l, staff, `Notice ${i}`));
    // Four threads share one instant: the id breaks the tie.
    await t.app.db.execute(
      sql`update threads set last_message_at = '2026-01-01 12:00:00.000001+00' where id in (${sql.join(
        ids.slice(2, 6).map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    const expected = (
      await t.app.db.execute<{ id: string }>(
        sql`select id from threads where landlord_id = ${l.landlord.id} order by last_message_at desc, id desc`,
      )
    ).rows.map((r) => r.id);

    for (const [client, path] of [
      [staff, '/api/v1/threads?box=sent'],
      [tenant, '/api/v1/portal/threads?box=inbox'],
    ] as const) {
      const { forward, back } = await walk(client, path, 3);
      expect(forward.flatMap((p) => p.items.map((i) => i.id))).toEqual(expected);
      expect(forward.map((p) => p.items.length)).toEqual([3, 3, 2]);
      expect(forward.every((p) => p.total === 8 && !p.totalCapped)).toBe(true);
      expect(forward.at(-1)!.nextCursor).toBeNull();
      // The way back shows the same pages.
      expect(back.map((p) => p.items.map((i) => i.id))).toEqual(forward.map((p) => p.items.map((i) => i.id)));
      expect(back[0]!.previousCursor).toBeNull();
    }
    // The staff inbox holds only threads the tenant side wrote in.
    expect((await staff.get('/api/v1/threads?box=inbox')).json()).toMatchObject({ items: [], total: 0, nextCursor: null });
  });

  it('filters by customer and lease, and a cursor from one list is just a position in another', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const office = await staffThread(l, staff, 'Office');
    const flat = await staffThread(l, staff, 'Flat', 'household');
    const byCustomer = (await staff.get(`/api/v1/threads?box=sent&customerId=${l.household.customer.id}`)).json() as Page;
    expect(byCustomer.items.map((i) => i.id)).toEqual([flat]);
    const byLease = (await staff.get(`/api/v1/threads?box=sent&leaseId=${l.office.id}`)).json() as Page;
    expect(byLease.items.map((i) => i.id)).toEqual([office]);
    expect(byLease.total).toBe(1);
  });

  it('caps the total at COUNT_CAP and says so', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    await staffThread(l, staff, 'Real one');
    // Bulk rows as the benchmark loads them: tenant-written threads without messages.
    await t.app.db.execute(sql`
      insert into threads (landlord_id, customer_id, lease_id, subject, last_message_at, last_author_kind, last_tenant_message_at, message_count)
      select ${l.landlord.id}, ${l.company.customer.id}, ${l.office.id}, 'Bulk ' || g,
             now() - g * interval '1 minute', 'tenant', now() - g * interval '1 minute', 1
      from generate_series(1, ${COUNT_CAP + 5}) g`);
    const inbox = (await staff.get('/api/v1/threads?box=inbox&limit=100')).json() as Page;
    expect(inbox).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(inbox.items).toHaveLength(100);
    const sent = (await staff.get('/api/v1/threads?box=sent')).json() as Page;
    expect(sent).toMatchObject({ total: 1, totalCapped: false });
  });
});

describe('unread counts', () => {
  it('follow reads and answers, per reader, for staff and tenant', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const manager = await signIn(t.app, 'staff', l.manager.email);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);

    const a = await tenantThread(tenant, l, 'A');
    const b = await tenantThread(tenant, l, 'B');
    const c = await tenantThread(tenant, l, 'C');
    expect(await unread(admin, 'staff')).toEqual({ inbox: 3, capped: false });
    expect(await unread(manager, 'staff')).toEqual({ inbox: 3, capped: false });
    // The author has nothing unread: the other side has not written.
    expect(await unread(tenant, 'portal')).toEqual({ inbox: 0, capped: false });

    // Opening (GET) changes nothing; POST read does, for that reader only.
    expect((await admin.get(`/api/v1/threads/${a}`)).json().unread).toBe(true);
    expect(await unread(admin, 'staff')).toEqual({ inbox: 3, capped: false });
    expect((await admin.post(`/api/v1/threads/${a}/read`)).statusCode).toBe(204);
    expect((await admin.post(`/api/v1/threads/${a}/read`)).statusCode).toBe(204); // twice is once
    expect(await unread(admin, 'staff')).toEqual({ inbox: 2, capped: false });
    expect(await unread(manager, 'staff')).toEqual({ inbox: 3, capped: false });
    const adminInbox = (await admin.get('/api/v1/threads?box=inbox')).json() as Page;
    expect(
      adminInbox.items
        .filter((i) => i.unread)
        .map((i) => i.id)
        .sort(),
    ).toEqual([b, c].sort());

    // The tenant writes again in A: unread again for the admin who had read it.
    await tenant.post(`/api/v1/portal/threads/${a}/messages`, { body: 'One more thing' });
    expect(await unread(admin, 'staff')).toEqual({ inbox: 3, capped: false });

    // Answering marks read for the author; the tenant now has one unread.
    expect((await manager.post(`/api/v1/threads/${b}/messages`, { body: 'On it' })).statusCode).toBe(201);
    expect(await unread(manager, 'staff')).toEqual({ inbox: 2, capped: false });
    expect(await unread(admin, 'staff')).toEqual({ inbox: 3, capped: false });
    expect(await unread(tenant, 'portal')).toEqual({ inbox: 1, capped: false });
    expect((await tenant.get(`/api/v1/portal/threads/${b}`)).json().unread).toBe(true);
    expect((await tenant.post(`/api/v1/portal/threads/${b}/read`)).statusCode).toBe(204);
    expect(await unread(tenant, 'portal')).toEqual({ inbox: 0, capped: false });

    // A thread staff start is not in the staff inbox until the tenant answers.
    const d = await staffThread(l, admin, 'D');
    expect(await unread(manager, 'staff')).toEqual({ inbox: 2, capped: false });
    await tenant.post(`/api/v1/portal/threads/${d}/messages`, { body: 'Thanks' });
    expect(await unread(manager, 'staff')).toEqual({ inbox: 3, capped: false });
    expect(await unread(admin, 'staff')).toEqual({ inbox: 4, capped: false });

    expect((await unread(admin, 'staff')).inbox).toBe(await directUnread(l.landlord.id, l.admin.id));
    expect((await unread(manager, 'staff')).inbox).toBe(await directUnread(l.landlord.id, l.manager.id));
  });

  it('stay equal to the definition through a long random mix of writes and reads, and the derive SQL agrees', async () => {
    const l = await makeLandlord(t.app);
    const staff = { admin: await signIn(t.app, 'staff', l.admin.email), manager: await signIn(t.app, 'staff', l.manager.email) };
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const threads: string[] = [await tenantThread(tenant, l, 'First')];
    let seed = 20261130;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = () => threads[rand(threads.length)]!;
    for (let step = 0; step < 40; step++) {
      const who = rand(2) === 0 ? 'admin' : 'manager';
      switch (rand(6)) {
        case 0:
          threads.push(await tenantThread(tenant, l, `T${step}`));
          break;
        case 1:
          threads.push(await staffThread(l, staff[who], `S${step}`));
          break;
        case 2:
          expect((await tenant.post(`/api/v1/portal/threads/${pick()}/messages`, { body: `r${step}` })).statusCode).toBe(201);
          break;
        case 3:
          expect((await staff[who].post(`/api/v1/threads/${pick()}/messages`, { body: `r${step}` })).statusCode).toBe(201);
          break;
        default:
          expect((await staff[who].post(`/api/v1/threads/${pick()}/read`)).statusCode).toBe(204);
      }
      for (const name of ['admin', 'manager'] as const) {
        const n = await directUnread(l.landlord.id, l[name].id);
        expect(await unread(staff[name], 'staff'), `step ${step}, ${name}`).toEqual({ inbox: n, capped: false });
      }
    }

    // The benchmark's derive SQL rebuilds the same counters from the source rows (run in a
    // transaction that is rolled back, so other tests' counters are never touched).
    const counters = sql`
      select (select threads from staff_inbox_counts where landlord_id = ${l.landlord.id}) as inbox,
             (select json_object_agg(staff_user_id, caught_up) from staff_read_counts where landlord_id = ${l.landlord.id} and caught_up > 0) as caught`;
    const kept = (await t.app.db.execute(counters)).rows[0];
    let rebuilt: unknown;
    await t.app.db
      .transaction(async (tx) => {
        await tx.execute(sql`update staff_read_counts set caught_up = 0 where landlord_id = ${l.landlord.id}`);
        await tx.execute(sql`delete from staff_inbox_counts where landlord_id = ${l.landlord.id}`);
        await tx.execute(sql.raw(DERIVE_SQL));
        await tx.execute(sql.raw(DERIVE_SQL)); // idempotent
        rebuilt = (await tx.execute(counters)).rows[0];
        tx.rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof TransactionRollbackError)) throw err;
      });
    expect(kept).toMatchObject({ inbox: expect.any(Number) });
    expect(rebuilt).toEqual(kept);
  });

  it('cap at 99 for a landlord with more unread threads', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    await t.app.db.execute(sql`
      insert into threads (landlord_id, customer_id, lease_id, subject, last_author_kind, last_tenant_message_at, message_count)
      select ${l.landlord.id}, ${l.company.customer.id}, ${l.office.id}, 'Bulk ' || g, 'tenant', now(), 1
      from generate_series(1, 150) g`);
    // Bulk-loaded rows have no counters until the derive step; set this landlord's as it would.
    await t.app.db.execute(sql`insert into staff_inbox_counts (landlord_id, threads) values (${l.landlord.id}, 150)`);
    expect(await unread(admin, 'staff')).toEqual({ inbox: 99, capped: true });
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    await t.app.db.execute(sql`update threads set last_staff_message_at = now() where landlord_id = ${l.landlord.id}`);
    expect(await unread(tenant, 'portal')).toEqual({ inbox: 99, capped: true });
  });
});

describe('POST …/read', () => {
  it('is scoped to the reader’s landlord and customer', async () => {
    const l = await makeLandlord(t.app);
    const other = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const householdThread = await staffThread(l, admin, 'Household only', 'household');
    const foreignStaff = await signIn(t.app, 'staff', other.admin.email);
    const res = await foreignStaff.post(`/api/v1/threads/${householdThread}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', resource: 'thread' });
    // Same landlord, other customer: not theirs.
    const companyTenant = await signIn(t.app, 'portal', l.companyUser.email);
    expect((await companyTenant.post(`/api/v1/portal/threads/${householdThread}/read`)).statusCode).toBe(404);
    expect((await admin.post('/api/v1/threads/not-a-uuid/read')).statusCode).toBe(400);
    expect((await t.app.db.execute(sql`select count(*)::int as n from thread_reads where thread_id = ${householdThread}`)).rows[0]).toEqual(
      {
        n: 1, // the author's own, from writing
      },
    );
  });
});

describe('the portal’s customer header', () => {
  it('names one of the person’s customers, or the request is a 404; none at all is portal_disabled', async () => {
    const l = await makeLandlord(t.app);
    const other = await makeLandlord(t.app);
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    for (const header of [l.household.customer.id, other.company.customer.id, 'not-a-uuid']) {
      tenant.customerId = header;
      const res = await tenant.get('/api/v1/portal/threads');
      expect(res.statusCode, header).toBe(404);
      expect(res.json().error.resource).toBe('customer');
    }
    tenant.customerId = l.company.customer.id;
    expect((await tenant.get('/api/v1/portal/threads')).statusCode).toBe(200);
    // The landlord switches the portal off: no customer is left to act for.
    await t.app.db.execute(sql`update landlords set portal_enabled = false where id = ${l.landlord.id}`);
    const off = await tenant.get('/api/v1/portal/threads');
    expect(off.statusCode).toBe(403);
    expect(off.json().error.code).toBe('portal_disabled');
  });
});
