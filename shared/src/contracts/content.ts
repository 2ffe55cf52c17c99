import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { multiLine, oneLine } from '../text';

/**
 * Building blocks shared by the portal's content (issue 12): operational notices, posts, help
 * articles and documents. Each part's own contract file (operational-info.ts, posts.ts, help.ts,
 * documents.ts) builds on these; the portal shapes the Home page reads are here so Home and the
 * pages that own them agree on one schema.
 */

/** A title staff write: one line. */
export const ContentTitleSchema = oneLine().min(1).max(200);
/** Markdown as staff type it; the API stores it with its sanitised HTML (never raw HTML to tenants). */
export const MarkdownSchema = multiLine().min(1).max(20_000);

/** Which properties a piece of content is for: all of the landlord's, or the listed ones (at least one). */
export const ContentTargetSchema = z
  .object({
    allProperties: z.boolean(),
    propertyIds: z.array(z.uuid()).max(500).default([]),
  })
  .refine((t) => t.allProperties || t.propertyIds.length > 0, {
    message: 'Choose at least one property, or all properties',
    path: ['propertyIds'],
  });

/** A property named in content as staff and tenants see it. */
export const ContentPropertySchema = z.object({ id: z.uuid(), name: z.string() });

export const HELP_CATEGORIES = ['sign_in', 'cases', 'messages', 'invoices', 'moving', 'property', 'other'] as const;
export const HelpCategorySchema = z.enum(HELP_CATEGORIES);
export const DOCUMENT_CATEGORIES = ['contract', 'house_rules', 'energy_certificate', 'inspection', 'manual', 'minutes', 'other'] as const;
export const DocumentCategorySchema = z.enum(DOCUMENT_CATEGORIES);

// --- Operational notices as the portal shows them (OPS owns the routes; Home reads them) -----------

export const NOTICE_KINDS = ['disruption', 'planned_work'] as const;
export const NoticeKindSchema = z.enum(NOTICE_KINDS);
/** By its dates and resolution: planned (starts later), current, resolved (early, or past its end). */
export const NOTICE_STATES = ['planned', 'current', 'resolved'] as const;
export const NoticeStateSchema = z.enum(NOTICE_STATES);

export const PortalNoticeSchema = z.object({
  id: z.uuid(),
  kind: NoticeKindSchema,
  state: NoticeStateSchema,
  urgent: z.boolean(),
  title: z.string(),
  /** Sanitised HTML rendered from the notice's Markdown. */
  bodyHtml: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
  /** The tenant's properties it concerns (all of them for a landlord-wide notice). */
  properties: z.array(ContentPropertySchema),
});
export type PortalNotice = z.infer<typeof PortalNoticeSchema>;

/** `GET /portal/operational-notices`: current and planned notices for the acting customer's properties. */
export const PortalNoticeQuerySchema = z.object({
  /** Only notices concerning this property (the new-case form's "it may already be known"). */
  propertyId: z.uuid().optional(),
  /** Only notices concerning this lease's property (the new-case form knows the lease, not the property). */
  leaseId: z.uuid().optional(),
});
export type PortalNoticeQuery = z.infer<typeof PortalNoticeQuerySchema>;
export const PortalNoticeListSchema = z.object({ current: z.array(PortalNoticeSchema), planned: z.array(PortalNoticeSchema) });
export type PortalNoticeList = z.infer<typeof PortalNoticeListSchema>;

// --- Posts as the portal shows them (POSTS owns the routes; Home reads the latest) -----------------

export const POST_CATEGORIES = ['news', 'bulletin', 'area'] as const;
export const PostCategorySchema = z.enum(POST_CATEGORIES);
export type PostCategory = z.infer<typeof PostCategorySchema>;

export const PortalPostSummarySchema = z.object({
  id: z.uuid(),
  category: PostCategorySchema,
  title: z.string(),
  /** Plain-text opening of the body, for lists and Home. */
  excerpt: z.string(),
  pinned: z.boolean(),
  publishedAt: z.iso.datetime({ offset: true }),
  /** `/api/v1/portal/posts/:id/image` when the post has an image. */
  imageUrl: z.string().nullable(),
});
export type PortalPostSummary = z.infer<typeof PortalPostSummarySchema>;
export const PortalPostListQuerySchema = CursorQuerySchema.extend({ category: PostCategorySchema.optional() });
export const PortalPostPageSchema = cursorPageOf(PortalPostSummarySchema);
export type PortalPostListQuery = z.infer<typeof PortalPostListQuerySchema>;
export type PortalPostPage = z.infer<typeof PortalPostPageSchema>;
