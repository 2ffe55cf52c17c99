import type { PortalPostListQuery, PortalPostPage, PortalPostSummary } from '@portico/shared/contracts/content';
import type {
  PortalPostDetail,
  PostCreate,
  PostDetail,
  PostListQuery,
  PostPage,
  PostPatch,
  PostSummary,
} from '@portico/shared/contracts/posts';
import type { StaffActor, TenantActor } from '../../actors';
import { markdownToText, renderMarkdown } from '../../content/markdown';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { badRequest, forbidden, notFound } from '../../errors';
import { listMemberships } from '../auth/service';
import * as files from '../files/service';
import { canManagePosts, canReadPortalPosts } from './policy';
import * as repo from './repo';

/** News, bulletin posts and area information (issue 12 §2): staff write, tenants read in the window. */

const EXCERPT_CHARS = 240;
const badWindow = () => badRequest('validation_failed');

/** The plain-text opening of a body, cut at a word near EXCERPT_CHARS. */
export function excerptOf(markdown: string): string {
  const text = markdownToText(markdown).replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function stateOf(post: repo.PostRow, now = Date.now()): PostSummary['state'] {
  if (post.publishFrom.getTime() > now) return 'scheduled';
  if (post.publishUntil && post.publishUntil.getTime() <= now) return 'expired';
  return 'published';
}

async function enrich(db: DbOrTx, landlordId: string, rows: repo.PostRow[]) {
  const ids = rows.map((r) => r.id);
  const [props, images] = await Promise.all([
    repo.listPostProperties(db, landlordId, ids),
    files.listAttachments(db, landlordId, 'postId', ids),
  ]);
  return (post: repo.PostRow) => ({
    properties: props.filter((p) => p.postId === post.id).map((p) => ({ id: p.id, name: p.name })),
    image: images.findLast((a) => a.postId === post.id),
  });
}

function summaryOf(post: repo.PostRow, extra: Awaited<ReturnType<typeof enrich>>): PostSummary {
  const { properties, image } = extra(post);
  return {
    id: post.id,
    category: post.category,
    title: post.title,
    pinned: post.pinned,
    state: stateOf(post),
    publishFrom: post.publishFrom.toISOString(),
    publishUntil: post.publishUntil?.toISOString() ?? null,
    allProperties: post.allProperties,
    properties: post.allProperties ? [] : properties,
    hasImage: !!image,
    updatedAt: post.updatedAt.toISOString(),
  };
}

function detailOf(post: repo.PostRow, extra: Awaited<ReturnType<typeof enrich>>): PostDetail {
  const { image } = extra(post);
  return {
    ...summaryOf(post, extra),
    body: post.body,
    bodyHtml: post.bodyHtml,
    image: image ? files.toAttachment(image) : null,
    createdAt: post.createdAt.toISOString(),
  };
}

function requireManager(actor: StaffActor) {
  if (!canManagePosts(actor)) throw forbidden();
}

async function requirePost(db: DbOrTx, landlordId: string, postId: string, lock = false) {
  // Another landlord's post does not exist for this one.
  const post = await repo.findPost(db, landlordId, postId, lock);
  if (!post) throw notFound('post');
  return post;
}

async function toDetail(db: DbOrTx, landlordId: string, post: repo.PostRow) {
  return detailOf(post, await enrich(db, landlordId, [post]));
}

export async function listPosts(deps: Deps, actor: StaffActor, query: PostListQuery): Promise<PostPage> {
  requireManager(actor);
  const page = await repo.listPosts(deps.db, { landlordId: actor.landlordId, category: query.category }, query);
  const extra = await enrich(deps.db, actor.landlordId, page.items);
  return { ...page, items: page.items.map((p) => summaryOf(p, extra)) };
}

export async function getPost(deps: Deps, actor: StaffActor, postId: string): Promise<PostDetail> {
  requireManager(actor);
  return toDetail(deps.db, actor.landlordId, await requirePost(deps.db, actor.landlordId, postId));
}

/** The target's properties must all be the landlord's: an unknown (or another landlord's) id is a 404. */
async function checkedPropertyIds(tx: DbOrTx, landlordId: string, target: PostCreate['target']) {
  if (target.allProperties) return [];
  const wanted = [...new Set(target.propertyIds)];
  const found = await repo.existingPropertyIds(tx, landlordId, wanted);
  if (found.length !== wanted.length) throw notFound('property');
  return wanted;
}

export async function createPost(deps: Deps, actor: StaffActor, input: PostCreate): Promise<PostDetail> {
  requireManager(actor);
  const post = await deps.db.transaction(async (tx) => {
    const propertyIds = await checkedPropertyIds(tx, actor.landlordId, input.target);
    const row = await repo.insertPost(tx, actor.landlordId, {
      category: input.category,
      title: input.title,
      body: input.body,
      bodyHtml: renderMarkdown(input.body),
      pinned: input.pinned,
      allProperties: input.target.allProperties,
      publishFrom: input.publishFrom ? new Date(input.publishFrom) : new Date(),
      publishUntil: input.publishUntil ? new Date(input.publishUntil) : null,
      // For an API key, the staff user who created the key.
      createdBy: actor.id,
    });
    await repo.setPostProperties(tx, actor.landlordId, row.id, propertyIds);
    if (input.imageAttachmentId) await files.claimPostImage(tx, actor, input.imageAttachmentId, row.id);
    return row;
  });
  return toDetail(deps.db, actor.landlordId, post);
}

export async function updatePost(deps: Deps, actor: StaffActor, postId: string, input: PostPatch): Promise<PostDetail> {
  requireManager(actor);
  const post = await deps.db.transaction(async (tx) => {
    const before = await requirePost(tx, actor.landlordId, postId, true);
    const publishFrom = input.publishFrom ? new Date(input.publishFrom) : before.publishFrom;
    const publishUntil = input.publishUntil === undefined ? before.publishUntil : input.publishUntil ? new Date(input.publishUntil) : null;
    // The window is checked whole: a new start past the old end is as wrong as the other way round.
    if (publishUntil && publishUntil <= publishFrom) throw badWindow();
    if (input.target)
      await repo.setPostProperties(tx, actor.landlordId, postId, await checkedPropertyIds(tx, actor.landlordId, input.target));
    if (input.imageAttachmentId !== undefined) {
      const current = (await files.listAttachments(tx, actor.landlordId, 'postId', [postId])).map((a) => a.id);
      if (input.imageAttachmentId === null) await files.releasePostImages(tx, actor.landlordId, postId, null);
      else if (!current.includes(input.imageAttachmentId)) {
        await files.releasePostImages(tx, actor.landlordId, postId, null);
        await files.claimPostImage(tx, actor, input.imageAttachmentId, postId);
      }
    }
    return repo.updatePost(tx, actor.landlordId, postId, {
      ...(input.category ? { category: input.category } : {}),
      ...(input.title ? { title: input.title } : {}),
      ...(input.body ? { body: input.body, bodyHtml: renderMarkdown(input.body) } : {}),
      ...(input.pinned === undefined ? {} : { pinned: input.pinned }),
      ...(input.target ? { allProperties: input.target.allProperties } : {}),
      publishFrom,
      publishUntil,
    });
  });
  return toDetail(deps.db, actor.landlordId, post);
}

/** Deletes a post; its image is let go (the stale-upload sweeper removes it with its file). */
export async function deletePost(deps: Deps, actor: StaffActor, postId: string): Promise<void> {
  requireManager(actor);
  await deps.db.transaction(async (tx) => {
    await requirePost(tx, actor.landlordId, postId, true);
    await files.releasePostImages(tx, actor.landlordId, postId, null);
    await repo.deletePost(tx, actor.landlordId, postId);
  });
}

/** A post's image for staff who manage posts. */
export async function openPostImage(deps: Deps, actor: StaffActor, postId: string) {
  requireManager(actor);
  await requirePost(deps.db, actor.landlordId, postId);
  return openImage(deps, actor.landlordId, postId);
}

async function openImage(deps: Deps, landlordId: string, postId: string) {
  const image = (await files.listAttachments(deps.db, landlordId, 'postId', [postId])).at(-1);
  if (!image) throw notFound('attachment');
  return { image, stream: deps.storage.read(image.storageKey) };
}

// --- The portal ------------------------------------------------------------------------------------

const readerOf = (actor: TenantActor): repo.Reader => ({ landlordId: actor.landlordId, customerId: actor.customerId });

function requireReader(actor: TenantActor) {
  if (!canReadPortalPosts(actor)) throw forbidden();
}

const imageUrlOf = (postId: string) => `/api/v1/portal/posts/${postId}/image`;

function portalSummaryOf(post: repo.PostRow, hasImage: boolean): PortalPostSummary {
  return {
    id: post.id,
    category: post.category,
    title: post.title,
    excerpt: excerptOf(post.body),
    pinned: post.pinned,
    publishedAt: post.publishFrom.toISOString(),
    imageUrl: hasImage ? imageUrlOf(post.id) : null,
  };
}

export async function listPortalPosts(deps: Deps, actor: TenantActor, query: PortalPostListQuery): Promise<PortalPostPage> {
  requireReader(actor);
  const page = await repo.listPortalPosts(deps.db, { ...readerOf(actor), category: query.category }, query);
  const images = await files.listAttachments(
    deps.db,
    actor.landlordId,
    'postId',
    page.items.map((p) => p.id),
  );
  return {
    ...page,
    items: page.items.map((p) =>
      portalSummaryOf(
        p,
        images.some((a) => a.postId === p.id),
      ),
    ),
  };
}

async function requirePortalPost(deps: Deps, actor: TenantActor, postId: string) {
  requireReader(actor);
  // Outside its window, or for properties the customer is not in: it does not exist for this person.
  const post = await repo.findPortalPost(deps.db, readerOf(actor), postId);
  if (!post) throw notFound('post');
  return post;
}

export async function getPortalPost(deps: Deps, actor: TenantActor, postId: string): Promise<PortalPostDetail> {
  const post = await requirePortalPost(deps, actor, postId);
  const [images, own, targeted] = await Promise.all([
    files.listAttachments(deps.db, actor.landlordId, 'postId', [post.id]),
    repo.listCustomerProperties(deps.db, readerOf(actor)),
    post.allProperties ? Promise.resolve([]) : repo.listPostProperties(deps.db, actor.landlordId, [post.id]),
  ]);
  const targetedIds = new Set(targeted.map((t) => t.id));
  return {
    ...portalSummaryOf(post, images.length > 0),
    bodyHtml: post.bodyHtml,
    // Only the customer's own properties: a post's other properties are none of this tenant's business.
    properties: post.allProperties ? own : own.filter((p) => targetedIds.has(p.id)),
  };
}

/**
 * A post's image: an `<img>` sends no customer header, so (like files/service.ts' downloads) the
 * image shows when the post is visible to any of the person's customers.
 */
export async function openPortalPostImage(deps: Deps, actor: TenantActor, postId: string) {
  requireReader(actor);
  for (const m of await listMemberships(deps.db, actor.id)) {
    const post = await repo.findPortalPost(deps.db, { landlordId: m.landlord.id, customerId: m.customerId }, postId);
    if (post) return openImage(deps, post.landlordId, postId);
  }
  throw notFound('post');
}
