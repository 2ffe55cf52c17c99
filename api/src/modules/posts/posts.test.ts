import { randomUUID } from 'node:crypto';
import { eq, type SQLWrapper, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, PASSWORD, PDF, PNG, signIn, type TestLandlord } from '../../../test/helpers';
import { insertCustomer, insertLease, insertPortalUser, insertProperty, insertStaff } from '../../db/fixtures';
import { posts } from '../../db/schema/content';
import { attachments } from '../../db/schema/messaging';
import * as repo from './repo';

/** Issue 12 §2: news, bulletin posts and area information (seeds 002, 004). */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tag = () => randomUUID().slice(0, 8);
const DAY = 24 * 3600 * 1000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** A tenant of a second property ("Bortgatan") of the same landlord: not in the first one. */
async function elsewhere(l: TestLandlord) {
  const { property, units } = await insertProperty(
    t.app.db,
    { landlordId: l.landlord.id, name: 'Bortgatan 9', street: 'Bortgatan 9', postalCode: '222 22', city: 'Lund' },
    [{ number: '9001', type: 'apartment', address: 'Bortgatan 9, lgh 9001' }],
  );
  const far = await insertCustomer(t.app.db, { landlordId: l.landlord.id, kind: 'person', name: `Far ${tag()}` }, [
    { name: 'Far', email: `far-${tag()}@tenant.test` },
  ]);
  await insertLease(t.app.db, {
    landlordId: l.landlord.id,
    customerId: far.customer.id,
    unitId: units[0]!.id,
    number: `L-${tag()}`,
    validFrom: '2024-01-01',
  });
  const user = await insertPortalUser(t.app.db, { email: `far-${tag()}@tenant.test`, name: 'Far', password: PASSWORD }, [
    { landlordId: l.landlord.id, customerId: far.customer.id, contactId: far.contacts[0]!.id, role: 'user' },
  ]);
  return { property, client: await signIn(t.app, 'portal', user.email) };
}

async function setUp() {
  const l = await makeLandlord(t.app);
  const manager = await signIn(t.app, 'staff', l.manager.email);
  const tenant = await signIn(t.app, 'portal', l.companyUser.email);
  const other = await elsewhere(l);
  return { l, manager, tenant, other };
}

const newPost = (over: Record<string, unknown> = {}) => ({
  category: 'news',
  title: `Post ${tag()}`,
  body: 'Hello **tenants**',
  target: { allProperties: true, propertyIds: [] },
  ...over,
});

type Client = Awaited<ReturnType<typeof signIn>>;
async function publish(c: Client, over: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/posts', newPost(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: string; state: string };
}
const feed = async (c: Client, q = '') => {
  const res = await c.get(`/api/v1/portal/posts${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; title: string; pinned: boolean; imageUrl: string | null; excerpt: string }[]; total: number };
};

describe('the portal feed', () => {
  it('shows only posts in their window, for all properties or the tenant’s own, pinned first then newest', async () => {
    const { l, manager, tenant, other } = await setUp();
    const old = await publish(manager, { publishFrom: at(-3 * DAY) });
    const pinned = await publish(manager, { publishFrom: at(-10 * DAY), pinned: true, category: 'area' });
    const mine = await publish(manager, {
      category: 'bulletin',
      publishFrom: at(-DAY),
      target: { allProperties: false, propertyIds: [l.property.id] },
    });
    const theirs = await publish(manager, { category: 'bulletin', target: { allProperties: false, propertyIds: [other.property.id] } });
    const future = await publish(manager, { publishFrom: at(DAY) });
    const expired = await publish(manager, { publishFrom: at(-5 * DAY), publishUntil: at(-DAY) });
    expect(future.state).toBe('scheduled');
    expect(expired.state).toBe('expired');

    expect((await feed(tenant)).items.map((p) => p.id)).toEqual([pinned.id, mine.id, old.id]);
    expect((await feed(other.client)).items.map((p) => p.id)).toEqual([pinned.id, theirs.id, old.id]);
    expect((await feed(tenant, '?category=bulletin')).items.map((p) => p.id)).toEqual([mine.id]);

    // Outside the window or another property's: not there at all.
    for (const id of [future.id, expired.id, theirs.id]) expect((await tenant.get(`/api/v1/portal/posts/${id}`)).statusCode).toBe(404);
    const read = await tenant.get(`/api/v1/portal/posts/${mine.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().bodyHtml).toBe('<p>Hello <strong>tenants</strong></p>\n');
    expect(read.json().body).toBeUndefined();
    expect(read.json().properties).toEqual([{ id: l.property.id, name: l.property.name }]);

    // A window that has just closed hides the post (the clock, not a flag).
    await t.app.db
      .update(posts)
      .set({ publishUntil: new Date(Date.now() - 1000) })
      .where(eq(posts.id, mine.id));
    expect((await tenant.get(`/api/v1/portal/posts/${mine.id}`)).statusCode).toBe(404);
  });

  it('follows the tenant out of a property: an ended lease no longer shows its posts', async () => {
    const { l, manager } = await setUp();
    const home = await signIn(
      t.app,
      'portal',
      (
        await insertPortalUser(t.app.db, { email: `h-${tag()}@tenant.test`, name: 'H', password: PASSWORD }, [
          { landlordId: l.landlord.id, customerId: l.household.customer.id, role: 'main_admin' },
        ])
      ).email,
    );
    const post = await publish(manager, { target: { allProperties: false, propertyIds: [l.property.id] } });
    expect((await home.get(`/api/v1/portal/posts/${post.id}`)).statusCode).toBe(200);
    await t.app.db.execute(sql`update leases set status = 'ended' where customer_id = ${l.household.customer.id}`);
    expect((await home.get(`/api/v1/portal/posts/${post.id}`)).statusCode).toBe(404);
  });

  it('renders the excerpt as plain text and never passes raw HTML through', async () => {
    const { manager, tenant } = await setUp();
    const post = await publish(manager, { body: `# Heading\n\n<script>alert(1)</script> Water **off** ${'word '.repeat(80)}` });
    const item = (await feed(tenant)).items.find((p) => p.id === post.id)!;
    expect(item.excerpt.startsWith('Heading')).toBe(true);
    expect(item.excerpt).not.toContain('**');
    expect(item.excerpt.length).toBeLessThanOrEqual(241);
    expect(item.excerpt.endsWith('…')).toBe(true);
    const html = (await tenant.get(`/api/v1/portal/posts/${post.id}`)).json().bodyHtml as string;
    expect(html).not.toContain('<script');
  });
});

describe('images', () => {
  it('a post’s image shows to the tenants who see the post and nobody else; only images are taken', async () => {
    const { l, manager, tenant, other } = await setUp();
    const upload = (await manager.upload('/api/v1/uploads', PNG, 'yard.png')).json().id as string;
    const post = await publish(manager, {
      category: 'bulletin',
      imageAttachmentId: upload,
      target: { allProperties: false, propertyIds: [l.property.id] },
    });
    const item = (await feed(tenant)).items.find((p) => p.id === post.id)!;
    expect(item.imageUrl).toBe(`/api/v1/portal/posts/${post.id}/image`);
    const img = await tenant.get(item.imageUrl!);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(PNG)).toBe(true);
    expect((await other.client.get(item.imageUrl!)).statusCode).toBe(404);
    expect((await manager.get(`/api/v1/posts/${post.id}/image`)).statusCode).toBe(200);

    // A PDF is no image: 415, and nothing is created.
    const pdf = (await manager.upload('/api/v1/uploads', PDF, 'x.pdf')).json().id as string;
    const before = (await manager.get('/api/v1/posts')).json().total;
    const refused = await manager.post('/api/v1/posts', newPost({ imageAttachmentId: pdf }));
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe('image_type_not_allowed');
    expect((await manager.get('/api/v1/posts')).json().total).toBe(before);
    // Someone else's upload is not theirs to use.
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const mineOnly = (await admin.upload('/api/v1/uploads', PNG, 'a.png')).json().id as string;
    expect((await manager.post('/api/v1/posts', newPost({ imageAttachmentId: mineOnly }))).statusCode).toBe(404);
  });

  it('an image loads without the customer header for a person whose second customer sees the post', async () => {
    const { l, manager, other } = await setUp();
    const upload = (await manager.upload('/api/v1/uploads', PNG, 'far.png')).json().id as string;
    const post = await publish(manager, { imageAttachmentId: upload, target: { allProperties: false, propertyIds: [other.property.id] } });
    const farCustomer = (await other.client.get('/api/v1/auth/portal/me')).json().memberships[0].customerId as string;
    const both = await insertPortalUser(t.app.db, { email: `both-${tag()}@tenant.test`, name: 'Both', password: PASSWORD }, [
      { landlordId: l.landlord.id, customerId: l.company.customer.id, role: 'user' },
      { landlordId: l.landlord.id, customerId: farCustomer, role: 'user' },
    ]);
    const c = await signIn(t.app, 'portal', both.email);
    // Acting for the company (no header: the first membership), the post is not in the feed…
    expect((await c.get(`/api/v1/portal/posts/${post.id}`, { 'x-portico-customer': l.company.customer.id })).statusCode).toBe(404);
    // …but its image, as an <img> asks for it (no header), shows: the person's other customer sees it.
    expect((await c.get(`/api/v1/portal/posts/${post.id}/image`)).statusCode).toBe(200);
    const stranger = await signIn(t.app, 'portal', l.companyUser.email);
    expect((await stranger.get(`/api/v1/portal/posts/${post.id}/image`)).statusCode).toBe(404);
  });

  it('replacing or removing the image, and deleting the post, let the old file go', async () => {
    const { manager } = await setUp();
    const first = (await manager.upload('/api/v1/uploads', PNG, '1.png')).json().id as string;
    const second = (await manager.upload('/api/v1/uploads', PNG, '2.png')).json().id as string;
    const post = await publish(manager, { imageAttachmentId: first });
    const patched = await manager.patch(`/api/v1/posts/${post.id}`, { imageAttachmentId: second });
    expect(patched.json().image.id).toBe(second);
    const postIdOf = async (id: string) => (await t.app.db.select().from(attachments).where(eq(attachments.id, id)))[0]!.postId;
    expect(await postIdOf(first)).toBeNull();
    expect(await postIdOf(second)).toBe(post.id);
    expect((await manager.request('DELETE', `/api/v1/posts/${post.id}`)).statusCode).toBe(204);
    expect(await postIdOf(second)).toBeNull();
    expect((await manager.get(`/api/v1/posts/${post.id}`)).statusCode).toBe(404);
  });
});

describe('staff', () => {
  it('admins and managers write posts; finance and technicians get 403; another landlord gets 404', async () => {
    const { l, manager } = await setUp();
    const post = await publish(manager);
    const finance = await insertStaff(t.app.db, {
      landlordId: l.landlord.id,
      email: `fin-${tag()}@staff.test`,
      name: 'F',
      role: 'finance',
      password: PASSWORD,
    });
    for (const email of [finance.email, l.technician.email]) {
      const c = await signIn(t.app, 'staff', email);
      expect((await c.get('/api/v1/posts')).statusCode).toBe(403);
      expect((await c.get(`/api/v1/posts/${post.id}`)).statusCode).toBe(403);
      expect((await c.post('/api/v1/posts', newPost())).statusCode).toBe(403);
    }
    const admin = await signIn(t.app, 'staff', l.admin.email);
    expect((await admin.patch(`/api/v1/posts/${post.id}`, { pinned: true })).json().pinned).toBe(true);

    const b = await makeLandlord(t.app);
    const intruder = await signIn(t.app, 'staff', b.admin.email);
    expect((await intruder.get(`/api/v1/posts/${post.id}`)).statusCode).toBe(404);
    expect((await intruder.patch(`/api/v1/posts/${post.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await intruder.request('DELETE', `/api/v1/posts/${post.id}`)).statusCode).toBe(404);
    expect((await intruder.get(`/api/v1/posts/${post.id}/image`)).statusCode).toBe(404);
    expect((await intruder.get('/api/v1/posts')).json().items).toEqual([]);
    // Another landlord's property cannot be targeted.
    const aimed = await intruder.post('/api/v1/posts', newPost({ target: { allProperties: false, propertyIds: [l.property.id] } }));
    expect(aimed.statusCode).toBe(404);
    expect(aimed.json().error.resource).toBe('property');
  });

  it('refuses a window that ends before it starts, also when only one end moves', async () => {
    const { manager } = await setUp();
    expect((await manager.post('/api/v1/posts', newPost({ publishFrom: at(DAY), publishUntil: at(0) }))).statusCode).toBe(400);
    const post = await publish(manager, { publishUntil: at(2 * DAY) });
    expect((await manager.patch(`/api/v1/posts/${post.id}`, { publishFrom: at(3 * DAY) })).statusCode).toBe(400);
    expect((await manager.post('/api/v1/posts', newPost({ target: { allProperties: false, propertyIds: [] } }))).statusCode).toBe(400);
  });

  it('lists newest first with a category filter and pages by cursor without gaps or repeats', async () => {
    const { l, manager } = await setUp();
    const values = Array.from({ length: 23 }, (_, i) => ({
      landlordId: l.landlord.id,
      category: (i % 3 === 0 ? 'area' : 'news') as 'area' | 'news',
      title: `P${i}`,
      body: 'b',
      bodyHtml: '<p>b</p>',
      // Two share a timestamp: the id breaks the tie.
      publishFrom: new Date(Date.UTC(2026, 0, 1) + Math.min(i, 21) * 3600_000),
    }));
    await t.app.db.insert(posts).values(values);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { title: string }[]; nextCursor: string | null; total: number } = (
        await manager.get(`/api/v1/posts?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.total).toBe(23);
      seen.push(...page.items.map((p: { title: string }) => p.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen.slice(2)).toEqual(Array.from({ length: 21 }, (_, i) => `P${20 - i}`));
    const areas = (await manager.get('/api/v1/posts?category=area&limit=100')).json();
    expect(areas.items.map((p: { title: string }) => p.title)).toEqual(['P21', 'P18', 'P15', 'P12', 'P9', 'P6', 'P3', 'P0']);
    expect((await manager.get('/api/v1/posts?cursor=bm9wZQ')).statusCode).toBe(400);
  });

  it('the portal feed pages pinned first across cursors', async () => {
    const { l, tenant } = await setUp();
    await t.app.db.insert(posts).values(
      Array.from({ length: 12 }, (_, i) => ({
        landlordId: l.landlord.id,
        category: 'news' as const,
        title: `F${i}`,
        body: 'b',
        bodyHtml: '<p>b</p>',
        pinned: i % 4 === 0,
        publishFrom: new Date(Date.now() - (i + 1) * 3600_000),
      })),
    );
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { title: string }[]; nextCursor: string | null } = (
        await tenant.get(`/api/v1/portal/posts?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      titles.push(...page.items.map((p: { title: string }) => p.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toEqual(['F0', 'F4', 'F8', 'F1', 'F2', 'F3', 'F5', 'F6', 'F7', 'F9', 'F10', 'F11']);
  });
});

describe('plans on a few thousand rows', () => {
  it('each list reads its index in order (no sort of the whole table)', async () => {
    const { l } = await setUp();
    const n = 4000;
    await t.app.db.insert(posts).values(
      Array.from({ length: n }, (_, i) => ({
        landlordId: l.landlord.id,
        category: (['news', 'bulletin', 'area'] as const)[i % 3]!,
        title: `E${i}`,
        body: 'b',
        bodyHtml: '<p>b</p>',
        pinned: i % 500 === 0,
        publishFrom: new Date(Date.now() - i * 60_000),
      })),
    );
    await t.app.db.execute(sql`analyze posts`);
    const plan = async (q: SQLWrapper) => {
      const res = await t.app.db.execute(sql`explain ${q}`);
      return res.rows.map((r) => (r as { 'QUERY PLAN': string })['QUERY PLAN']).join('\n');
    };
    const reader = { landlordId: l.landlord.id, customerId: l.company.customer.id };
    const cases: [string, string][] = [
      [await plan(repo.staffListQuery(t.app.db, { landlordId: l.landlord.id }, undefined, 25)), 'posts_landlord_published_idx'],
      [
        await plan(repo.staffListQuery(t.app.db, { landlordId: l.landlord.id, category: 'area' }, undefined, 25)),
        'posts_landlord_category_idx',
      ],
      [await plan(repo.portalFeedQuery(t.app.db, reader, undefined, 25)), 'posts_landlord_feed_idx'],
      [await plan(repo.portalFeedQuery(t.app.db, { ...reader, category: 'bulletin' }, undefined, 25)), 'posts_landlord_category_feed_idx'],
    ];
    for (const [text, index] of cases) {
      expect(text, text).toContain(index);
      expect(text, text).not.toMatch(/^\s*(->\s*)?Sort\b/m);
    }
  });
});
