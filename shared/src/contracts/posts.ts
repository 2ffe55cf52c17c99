import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { isoDateTime } from '../text';
import {
  ContentPropertySchema,
  ContentTargetSchema,
  ContentTitleSchema,
  MarkdownSchema,
  PortalPostSummarySchema,
  PostCategorySchema,
} from './content';

/**
 * News, bulletin-board posts and area information (issue 12 §2, seeds 002 and 004). Staff write
 * them for some properties or all; tenants read them in their publishing window and never reply.
 * The portal's list shapes (PortalPostSummarySchema, PortalPostPageSchema) live in content.ts,
 * where Home reads them too.
 */

export const PostParamsSchema = z.object({ postId: z.uuid() });

/** Where a post is in its publishing window right now. */
export const POST_STATES = ['scheduled', 'published', 'expired'] as const;
export const PostStateSchema = z.enum(POST_STATES);

const windowOk = (v: { publishFrom?: string | undefined; publishUntil?: string | null | undefined }) =>
  !v.publishFrom || !v.publishUntil || Date.parse(v.publishUntil) > Date.parse(v.publishFrom);
const windowIssue = { message: 'The end of the window must come after its start', path: ['publishUntil'] };

export const PostFieldsSchema = z.object({
  category: PostCategorySchema,
  title: ContentTitleSchema,
  /** Markdown; stored with its sanitised HTML. */
  body: MarkdownSchema,
  pinned: z.boolean().default(false),
  /** Shown from then (default: now). */
  publishFrom: isoDateTime().optional(),
  /** Shown until then; null or absent = until removed. */
  publishUntil: isoDateTime().nullable().optional(),
  target: ContentTargetSchema,
  /** An upload of the author's (`POST /uploads`): JPEG, PNG, GIF or WebP; null removes the image. */
  imageAttachmentId: z.uuid().nullable().optional(),
});

export const PostCreateSchema = PostFieldsSchema.refine(windowOk, windowIssue);
export type PostCreate = z.infer<typeof PostCreateSchema>;

/** Any of the fields; `target` replaces the whole targeting. */
export const PostPatchSchema = PostFieldsSchema.partial().extend({ pinned: z.boolean().optional() }).refine(windowOk, windowIssue);
export type PostPatch = z.infer<typeof PostPatchSchema>;

export const PostImageSchema = z.object({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number().int() });

export const PostSummarySchema = z.object({
  id: z.uuid(),
  category: PostCategorySchema,
  title: z.string(),
  pinned: z.boolean(),
  state: PostStateSchema,
  publishFrom: z.iso.datetime({ offset: true }),
  publishUntil: z.iso.datetime({ offset: true }).nullable(),
  allProperties: z.boolean(),
  properties: z.array(ContentPropertySchema),
  hasImage: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type PostSummary = z.infer<typeof PostSummarySchema>;

export const PostDetailSchema = PostSummarySchema.extend({
  body: z.string(),
  bodyHtml: z.string(),
  image: PostImageSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type PostDetail = z.infer<typeof PostDetailSchema>;

export const PostListQuerySchema = CursorQuerySchema.extend({ category: PostCategorySchema.optional() });
export type PostListQuery = z.infer<typeof PostListQuerySchema>;
export const PostPageSchema = cursorPageOf(PostSummarySchema);
export type PostPage = z.infer<typeof PostPageSchema>;

/** `GET /portal/posts/:postId`: the whole post as a tenant reads it (HTML only, never the Markdown). */
export const PortalPostDetailSchema = PortalPostSummarySchema.extend({
  bodyHtml: z.string(),
  /** The tenant's properties it is for (all of them for a landlord-wide post). */
  properties: z.array(ContentPropertySchema),
});
export type PortalPostDetail = z.infer<typeof PortalPostDetailSchema>;
