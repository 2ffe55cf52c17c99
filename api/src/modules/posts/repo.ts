import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { postProperties, posts } from '../../db/schema/content';
import { properties } from '../../db/schema/properties';
import { customerPropertyIds } from '../../db/tenant-properties';

export type PostRow = typeof posts.$inferSelect;
export type PostValues = Omit<typeof posts.$inferInsert, 'id' | 'landlordId' | 'createdAt' | 'updatedAt'>;

/** The console's list: newest first (posts_landlord_published_idx, or posts_landlord_category_idx with a category). */
const staffKeys = keyset(
  [
    { expr: posts.publishFrom, type: 'timestamptz' },
    { expr: posts.id, type: 'uuid' },
  ],
  'desc',
);

/** The portal's feed: pinned first, then newest (posts_landlord_feed_idx, or posts_landlord_category_feed_idx). */
const feedKeys = keyset(
  [
    { expr: posts.pinned, type: 'bool' },
    { expr: posts.publishFrom, type: 'timestamptz' },
    { expr: posts.id, type: 'uuid' },
  ],
  'desc',
);

type Page = { cursor?: string | undefined; limit: number };

type Position = ReturnType<typeof staffKeys.decode>;
const staffWhere = (p: { landlordId: string; category?: string | undefined }) =>
  and(eq(posts.landlordId, p.landlordId), p.category ? eq(posts.category, p.category as PostRow['category']) : undefined);

/** The console list's page query (exported for the EXPLAIN test). */
export const staffListQuery = (db: DbOrTx, p: { landlordId: string; category?: string | undefined }, pos: Position, limit: number) =>
  db
    .select({ post: posts, ...staffKeys.select })
    .from(posts)
    .where(and(staffWhere(p), staffKeys.where(pos)))
    .orderBy(...staffKeys.orderBy(pos))
    .limit(limit + 1);

export async function listPosts(db: DbOrTx, p: { landlordId: string; category?: string | undefined }, page: Page) {
  const pos = staffKeys.decode(page.cursor);
  const [rows, count] = await Promise.all([
    staffListQuery(db, p, pos, page.limit),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(posts)
        .where(staffWhere(p))
        .orderBy(...staffKeys.orderBy()),
    ),
  ]);
  const paged = staffKeys.page(rows, page.limit, pos);
  return { ...paged, items: paged.items.map((r) => r.post), ...count };
}

/** Shown to tenants now: publishFrom ≤ now < publishUntil (or no end). */
const publishedNow = () => and(lte(posts.publishFrom, sql`now()`), or(isNull(posts.publishUntil), gt(posts.publishUntil, sql`now()`)));

/** For all of the landlord's properties, or for one the customer is in (tenant-properties.ts). */
const forCustomer = (landlordId: string, customerId: string) =>
  or(
    eq(posts.allProperties, true),
    sql`exists (select 1 from ${postProperties} where ${postProperties.landlordId} = ${posts.landlordId} and ${postProperties.postId} = ${posts.id} and ${postProperties.propertyId} in ${customerPropertyIds(landlordId, [customerId])})`,
  );

export type Reader = { landlordId: string; customerId: string };

const feedWhere = (r: Reader & { category?: string | undefined }) =>
  and(
    eq(posts.landlordId, r.landlordId),
    r.category ? eq(posts.category, r.category as PostRow['category']) : undefined,
    publishedNow(),
    forCustomer(r.landlordId, r.customerId),
  );

/** The portal feed's page query (exported for the EXPLAIN test). */
export const portalFeedQuery = (db: DbOrTx, r: Reader & { category?: string | undefined }, pos: Position, limit: number) =>
  db
    .select({ post: posts, ...feedKeys.select })
    .from(posts)
    .where(and(feedWhere(r), feedKeys.where(pos)))
    .orderBy(...feedKeys.orderBy(pos))
    .limit(limit + 1);

export async function listPortalPosts(db: DbOrTx, r: Reader & { category?: string | undefined }, page: Page) {
  const pos = feedKeys.decode(page.cursor);
  const [rows, count] = await Promise.all([
    portalFeedQuery(db, r, pos, page.limit),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(posts)
        .where(feedWhere(r))
        .orderBy(...feedKeys.orderBy()),
    ),
  ]);
  const paged = feedKeys.page(rows, page.limit, pos);
  return { ...paged, items: paged.items.map((r) => r.post), ...count };
}

/** One post a tenant may read now, or undefined (outside its window, or not for the customer's properties). */
export async function findPortalPost(db: DbOrTx, r: Reader, postId: string) {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.landlordId, r.landlordId), eq(posts.id, postId), publishedNow(), forCustomer(r.landlordId, r.customerId)));
  return row;
}

/** One of the landlord's posts, locked for the rest of the transaction when editing. */
export async function findPost(db: DbOrTx, landlordId: string, postId: string, lock = false) {
  const q = db
    .select()
    .from(posts)
    .where(and(eq(posts.landlordId, landlordId), eq(posts.id, postId)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insertPost(db: DbOrTx, landlordId: string, values: PostValues) {
  const [row] = await db
    .insert(posts)
    .values({ ...values, landlordId })
    .returning();
  return row!;
}

export async function updatePost(db: DbOrTx, landlordId: string, postId: string, values: Partial<PostValues>) {
  const [row] = await db
    .update(posts)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(posts.landlordId, landlordId), eq(posts.id, postId)))
    .returning();
  return row!;
}

export async function deletePost(db: DbOrTx, landlordId: string, postId: string) {
  await db.delete(posts).where(and(eq(posts.landlordId, landlordId), eq(posts.id, postId)));
}

/** Replaces a post's properties. */
export async function setPostProperties(db: DbOrTx, landlordId: string, postId: string, propertyIds: string[]) {
  await db.delete(postProperties).where(and(eq(postProperties.landlordId, landlordId), eq(postProperties.postId, postId)));
  if (propertyIds.length) await db.insert(postProperties).values(propertyIds.map((propertyId) => ({ landlordId, postId, propertyId })));
}

/** Of `propertyIds`, those that are the landlord's. */
export async function existingPropertyIds(db: DbOrTx, landlordId: string, propertyIds: string[]) {
  if (!propertyIds.length) return [];
  const rows = await db
    .select({ id: properties.id })
    .from(properties)
    .where(and(eq(properties.landlordId, landlordId), inArray(properties.id, propertyIds)));
  return rows.map((r) => r.id);
}

/** The properties each post is for (targeted posts only), by name. */
export async function listPostProperties(db: DbOrTx, landlordId: string, postIds: string[]) {
  if (!postIds.length) return [];
  return db
    .select({ postId: postProperties.postId, id: properties.id, name: properties.name })
    .from(postProperties)
    .innerJoin(properties, and(eq(properties.landlordId, postProperties.landlordId), eq(properties.id, postProperties.propertyId)))
    .where(and(eq(postProperties.landlordId, landlordId), inArray(postProperties.postId, postIds)))
    .orderBy(asc(properties.name));
}

/** The customer's properties (for what a post is for in the tenant's eyes). */
export async function listCustomerProperties(db: DbOrTx, r: Reader) {
  return db
    .select({ id: properties.id, name: properties.name })
    .from(properties)
    .where(and(eq(properties.landlordId, r.landlordId), sql`${properties.id} in ${customerPropertyIds(r.landlordId, [r.customerId])}`))
    .orderBy(asc(properties.name));
}
