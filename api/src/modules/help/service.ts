import { randomBytes } from 'node:crypto';
import {
  HELP_LIST_MAX,
  HELP_SEARCH_MAX,
  type HelpArticle,
  type HelpArticleCreate,
  type HelpArticleListQuery,
  type HelpArticlePage,
  type HelpArticlePatch,
  type HelpArticleSummary,
  type HelpSnippetPart,
  type PortalHelpArticle,
  type PortalHelpArticleList,
  type PortalHelpQuery,
} from '@portico/shared/contracts/help';
import type { Locale } from '@portico/shared/locale';
import type { StaffActor, TenantActor } from '../../actors';
import { markdownToText, renderMarkdown } from '../../content/markdown';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { conflict, forbidden, notFound } from '../../errors';
import { findLandlord } from '../settings/service';
import { canManageHelp } from './policy';
import * as repo from './repo';

/** The help centre (issue 12 §3): staff write articles per language; tenants read and search them. */

const EXCERPT_LENGTH = 160;

function summaryOf(row: repo.HelpArticleRow): HelpArticleSummary {
  return {
    id: row.id,
    articleKey: row.articleKey,
    locale: row.locale,
    category: row.category,
    title: row.title,
    position: row.position,
    published: row.published,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function detailOf(db: DbOrTx, row: repo.HelpArticleRow): Promise<HelpArticle> {
  const translations = await repo.listTranslations(db, { landlordId: row.landlordId, articleKey: row.articleKey, exceptId: row.id });
  return { ...summaryOf(row), body: row.body, bodyHtml: row.bodyHtml, createdAt: row.createdAt.toISOString(), translations };
}

function assertManager(actor: StaffActor) {
  if (!canManageHelp(actor)) throw forbidden();
}

// --- staff ------------------------------------------------------------------------------------------

export async function listArticles(deps: Pick<Deps, 'db'>, actor: StaffActor, query: HelpArticleListQuery): Promise<HelpArticlePage> {
  assertManager(actor);
  const page = await repo.listArticles(
    deps.db,
    { landlordId: actor.landlordId, locale: query.locale, category: query.category, q: query.q },
    { cursor: query.cursor, limit: query.limit },
  );
  return { ...page, items: page.items.map(summaryOf) };
}

export async function getArticle(deps: Pick<Deps, 'db'>, actor: StaffActor, id: string): Promise<HelpArticle> {
  assertManager(actor);
  const row = await repo.findArticle(deps.db, { landlordId: actor.landlordId, id });
  if (!row) throw notFound('help_article');
  return detailOf(deps.db, row);
}

/** A new article (a fresh key), or a new language of one (its key): one row per key and language. */
export async function createArticle(deps: Pick<Deps, 'db'>, actor: StaffActor, input: HelpArticleCreate): Promise<HelpArticle> {
  assertManager(actor);
  const row = await repo.insertArticle(deps.db, {
    landlordId: actor.landlordId,
    values: {
      articleKey: input.articleKey ?? `article-${randomBytes(6).toString('hex')}`,
      locale: input.locale,
      category: input.category,
      title: input.title,
      body: input.body,
      bodyHtml: renderMarkdown(input.body),
      position: input.position,
      published: input.published,
    },
  });
  if (!row) throw conflict('help_article_exists');
  return detailOf(deps.db, row);
}

export async function updateArticle(deps: Pick<Deps, 'db'>, actor: StaffActor, id: string, patch: HelpArticlePatch): Promise<HelpArticle> {
  assertManager(actor);
  const row = await repo.updateArticle(deps.db, {
    landlordId: actor.landlordId,
    id,
    values: { ...patch, ...(patch.body !== undefined ? { bodyHtml: renderMarkdown(patch.body) } : {}) },
  });
  if (!row) throw notFound('help_article');
  return detailOf(deps.db, row);
}

export async function deleteArticle(deps: Pick<Deps, 'db'>, actor: StaffActor, id: string): Promise<void> {
  assertManager(actor);
  if (!(await repo.deleteArticle(deps.db, { landlordId: actor.landlordId, id }))) throw notFound('help_article');
}

// --- default articles -------------------------------------------------------------------------------

// --- the portal -------------------------------------------------------------------------------------

/** ts_headline's text (Markdown with match markers) as plain-text parts; markers never reach the client. */
export function snippetParts(headline: string): HelpSnippetPart[] {
  const text = markdownToText(headline).replace(/\s+/g, ' ').trim();
  const parts: HelpSnippetPart[] = [];
  for (const [i, piece] of text.split(new RegExp(`[${repo.MATCH_START}${repo.MATCH_STOP}]`)).entries()) {
    if (piece) parts.push({ text: piece, match: i % 2 === 1 });
  }
  return parts;
}

function excerptOf(body: string): string {
  const text = markdownToText(body).replace(/\s+/g, ' ').trim();
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

async function fallbackLocale(deps: Pick<Deps, 'db'>, landlordId: string): Promise<Locale> {
  const landlord = await findLandlord(deps.db, landlordId);
  if (!landlord) throw notFound('landlord');
  return landlord.defaultLocale;
}

/**
 * Published articles in the tenant's language (the `locale` asked for, else the request's), each
 * article missing in it in the landlord's default language. With `q`: a full-text search in each
 * row's language, best first, at most HELP_SEARCH_MAX; without, at most HELP_LIST_MAX by category.
 */
export async function listPortalArticles(
  deps: Pick<Deps, 'db'>,
  actor: TenantActor,
  requestLocale: Locale,
  query: PortalHelpQuery,
): Promise<PortalHelpArticleList> {
  const fallback = await fallbackLocale(deps, actor.landlordId);
  const limit = query.q ? HELP_SEARCH_MAX : HELP_LIST_MAX;
  const rows = await repo.listPortalArticles(
    deps.db,
    { landlordId: actor.landlordId, want: query.locale ?? requestLocale, fallback, category: query.category, q: query.q },
    limit,
  );
  return {
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      category: r.category,
      locale: r.locale,
      title: r.title,
      excerpt: excerptOf(r.body),
      snippet: r.headline === null ? null : snippetParts(r.headline),
    })),
    truncated: rows.length > limit,
  };
}

export async function getPortalArticle(deps: Pick<Deps, 'db'>, actor: TenantActor, id: string): Promise<PortalHelpArticle> {
  const row = await repo.findPublishedArticle(deps.db, { landlordId: actor.landlordId, id });
  if (!row) throw notFound('help_article');
  return {
    id: row.id,
    category: row.category,
    locale: row.locale,
    title: row.title,
    bodyHtml: row.bodyHtml,
    updatedAt: row.updatedAt.toISOString(),
  };
}
