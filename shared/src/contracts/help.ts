import { z } from 'zod';
import { LocaleSchema } from '../locale';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { oneLine } from '../text';
import { ContentTitleSchema, HelpCategorySchema, MarkdownSchema } from './content';

/**
 * The help centre (issue 12 §3, seed 002): articles by category, one row per language tied together
 * by `articleKey`. Staff write them in the console (area `content`); tenants read and search the
 * published ones in their language, falling back to the landlord's default language.
 */

/** Ties an article's languages together: lower-case letters, digits, `-` and `_`. */
export const HelpArticleKeySchema = oneLine()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9_-]*$/);

export type HelpCategory = z.infer<typeof HelpCategorySchema>;

export const HelpArticleParamsSchema = z.object({ articleId: z.uuid() });

/** Where an article sorts within its category (lower first). */
export const HelpPositionSchema = z.number().int().min(0).max(10_000);

/** Search words as a tenant or staff member types them (Postgres' websearch syntax: "quoted", -not, or). */
export const HelpSearchSchema = oneLine().min(1).max(200);

// --- staff (console and API keys) -----------------------------------------------------------------

export const HelpArticleSummarySchema = z.object({
  id: z.uuid(),
  articleKey: HelpArticleKeySchema,
  locale: LocaleSchema,
  category: HelpCategorySchema,
  title: z.string(),
  position: z.number().int(),
  published: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type HelpArticleSummary = z.infer<typeof HelpArticleSummarySchema>;

/** The article's other languages (rows with the same key), for the console's language tabs. */
export const HelpTranslationSchema = z.object({ id: z.uuid(), locale: LocaleSchema, title: z.string(), published: z.boolean() });

export const HelpArticleSchema = HelpArticleSummarySchema.extend({
  /** Markdown as staff wrote it. */
  body: z.string(),
  /** Sanitised HTML rendered from `body`. */
  bodyHtml: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  translations: z.array(HelpTranslationSchema),
});
export type HelpArticle = z.infer<typeof HelpArticleSchema>;

/** `GET /help-articles`: by language, category, then position (keyset), filtered by language, category, words. */
export const HelpArticleListQuerySchema = CursorQuerySchema.extend({
  locale: LocaleSchema.optional(),
  category: HelpCategorySchema.optional(),
  q: HelpSearchSchema.optional(),
});
export type HelpArticleListQuery = z.infer<typeof HelpArticleListQuerySchema>;
export const HelpArticlePageSchema = cursorPageOf(HelpArticleSummarySchema);
export type HelpArticlePage = z.infer<typeof HelpArticlePageSchema>;

/** A new article, or a new language of one (`articleKey` of the existing article; none → a new key). */
export const HelpArticleCreateSchema = z.object({
  articleKey: HelpArticleKeySchema.optional(),
  locale: LocaleSchema,
  category: HelpCategorySchema,
  title: ContentTitleSchema,
  body: MarkdownSchema,
  position: HelpPositionSchema.default(0),
  published: z.boolean().default(true),
});
export type HelpArticleCreate = z.infer<typeof HelpArticleCreateSchema>;

/** An edit: the language and key stay (another language is another row). */
export const HelpArticlePatchSchema = z.object({
  category: HelpCategorySchema.optional(),
  title: ContentTitleSchema.optional(),
  body: MarkdownSchema.optional(),
  position: HelpPositionSchema.optional(),
  published: z.boolean().optional(),
});
export type HelpArticlePatch = z.infer<typeof HelpArticlePatchSchema>;

// --- the portal ------------------------------------------------------------------------------------

/** At most this many articles answer a search (best first); a list without words holds at most HELP_LIST_MAX. */
export const HELP_SEARCH_MAX = 50;
export const HELP_LIST_MAX = 200;

export const PortalHelpQuerySchema = z.object({
  q: HelpSearchSchema.optional(),
  category: HelpCategorySchema.optional(),
  /** The language wanted; by default the request's. Articles missing in it come in the landlord's default language. */
  locale: LocaleSchema.optional(),
});
export type PortalHelpQuery = z.infer<typeof PortalHelpQuerySchema>;

/** A piece of a search snippet: the words that matched are `match: true` (shown highlighted; plain text, never HTML). */
export const HelpSnippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export type HelpSnippetPart = z.infer<typeof HelpSnippetPartSchema>;

export const PortalHelpArticleSummarySchema = z.object({
  id: z.uuid(),
  category: HelpCategorySchema,
  /** The row's language: the one asked for, or the landlord's default when the article has none in it. */
  locale: LocaleSchema,
  title: z.string(),
  /** Plain-text opening of the body. */
  excerpt: z.string(),
  /** With `q`: where the words matched, best fragments first; else null. */
  snippet: z.array(HelpSnippetPartSchema).nullable(),
});
export type PortalHelpArticleSummary = z.infer<typeof PortalHelpArticleSummarySchema>;

export const PortalHelpArticleListSchema = z.object({
  items: z.array(PortalHelpArticleSummarySchema),
  /** True when more matched than the bounded answer holds (HELP_SEARCH_MAX / HELP_LIST_MAX). */
  truncated: z.boolean(),
});
export type PortalHelpArticleList = z.infer<typeof PortalHelpArticleListSchema>;

export const PortalHelpArticleSchema = z.object({
  id: z.uuid(),
  category: HelpCategorySchema,
  locale: LocaleSchema,
  title: z.string(),
  /** Sanitised HTML rendered from the article's Markdown. */
  bodyHtml: z.string(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type PortalHelpArticle = z.infer<typeof PortalHelpArticleSchema>;
