import type { HelpCategory } from '@portico/shared/contracts/help';
import type { Locale } from '@portico/shared/locale';
import { and, eq, ne, type SQL, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { helpArticles } from '../../db/schema/content';
import { landlords } from '../../db/schema/landlords';

/** The text search configuration of each language (the same mapping the generated `search` column uses). */
export const SEARCH_CONFIG: Record<Locale, string> = { sv: 'swedish', da: 'danish', en: 'english' };

/** Every column but the generated tsvector (no reader needs it). */
const columns = {
  id: helpArticles.id,
  landlordId: helpArticles.landlordId,
  articleKey: helpArticles.articleKey,
  locale: helpArticles.locale,
  category: helpArticles.category,
  title: helpArticles.title,
  body: helpArticles.body,
  bodyHtml: helpArticles.bodyHtml,
  position: helpArticles.position,
  published: helpArticles.published,
  createdAt: helpArticles.createdAt,
  updatedAt: helpArticles.updatedAt,
};
export type HelpArticleRow = Omit<typeof helpArticles.$inferSelect, 'search'>;
export type HelpArticleValues = Pick<
  typeof helpArticles.$inferInsert,
  'articleKey' | 'locale' | 'category' | 'title' | 'body' | 'bodyHtml' | 'position' | 'published'
>;

const query = (locale: Locale, q: string) => sql`websearch_to_tsquery(${SEARCH_CONFIG[locale]}::regconfig, ${q})`;

/**
 * Rows of the given languages matching `q`, each language's words stemmed by its own configuration
 * (Swedish "fakturor" finds "faktura"). One `search @@ …` per language: each is a scan of the GIN
 * index help_articles_search_idx, OR-ed into one bitmap.
 */
function matches(locales: readonly Locale[], q: string): SQL {
  const parts = [...new Set(locales)].map((l) => sql`(${helpArticles.locale} = ${l} and ${helpArticles.search} @@ ${query(l, q)})`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

// --- staff ------------------------------------------------------------------------------------------

/** The console's order: language, category, position (help_articles_landlord_locale_idx in that order). */
const listKeys = keyset(
  [
    { expr: helpArticles.locale, type: 'text' },
    { expr: helpArticles.category, type: 'text' },
    { expr: helpArticles.position, type: 'int' },
    { expr: helpArticles.id, type: 'uuid' },
  ],
  'asc',
);

export async function listArticles(
  db: DbOrTx,
  params: { landlordId: string; locale?: Locale | undefined; category?: HelpCategory | undefined; q?: string | undefined },
  page: { cursor?: string | undefined; limit: number },
) {
  const pos = listKeys.decode(page.cursor);
  const where = and(
    eq(helpArticles.landlordId, params.landlordId),
    params.locale ? eq(helpArticles.locale, params.locale) : undefined,
    params.category ? eq(helpArticles.category, params.category) : undefined,
    params.q ? matches(params.locale ? [params.locale] : ['sv', 'da', 'en'], params.q) : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select({ article: columns, ...listKeys.select })
      .from(helpArticles)
      .where(and(where, listKeys.where(pos)))
      .orderBy(...listKeys.orderBy(pos))
      .limit(page.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(helpArticles)
        .where(where)
        .orderBy(...listKeys.orderBy()),
    ),
  ]);
  const paged = listKeys.page(rows, page.limit, pos);
  return { ...paged, items: paged.items.map((r) => r.article), ...count };
}

export async function findArticle(db: DbOrTx, params: { landlordId: string; id: string }): Promise<HelpArticleRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(helpArticles)
    .where(and(eq(helpArticles.landlordId, params.landlordId), eq(helpArticles.id, params.id)));
  return row;
}

/** The other languages of an article (same key). */
export function listTranslations(db: DbOrTx, params: { landlordId: string; articleKey: string; exceptId: string }) {
  return db
    .select({ id: helpArticles.id, locale: helpArticles.locale, title: helpArticles.title, published: helpArticles.published })
    .from(helpArticles)
    .where(
      and(
        eq(helpArticles.landlordId, params.landlordId),
        eq(helpArticles.articleKey, params.articleKey),
        ne(helpArticles.id, params.exceptId),
      ),
    )
    .orderBy(helpArticles.locale);
}

/** Inserts the row; undefined when the article already has a row in that language (help_articles_key_locale_key). */
export async function insertArticle(db: DbOrTx, params: { landlordId: string; values: HelpArticleValues }) {
  const [row] = await db
    .insert(helpArticles)
    .values({ ...params.values, landlordId: params.landlordId })
    .onConflictDoNothing({ target: [helpArticles.landlordId, helpArticles.articleKey, helpArticles.locale] })
    .returning(columns);
  return row;
}

/** Several at once (the default articles); rows whose key and language exist already are left as they are. */
export async function insertArticlesIfMissing(db: DbOrTx, params: { landlordId: string; values: HelpArticleValues[] }) {
  if (params.values.length === 0) return 0;
  const rows = await db
    .insert(helpArticles)
    .values(params.values.map((v) => ({ ...v, landlordId: params.landlordId })))
    .onConflictDoNothing({ target: [helpArticles.landlordId, helpArticles.articleKey, helpArticles.locale] })
    .returning({ id: helpArticles.id });
  return rows.length;
}

export async function updateArticle(
  db: DbOrTx,
  params: { landlordId: string; id: string; values: Partial<Omit<HelpArticleValues, 'articleKey' | 'locale'>> },
) {
  const [row] = await db
    .update(helpArticles)
    .set({ ...params.values, updatedAt: new Date() })
    .where(and(eq(helpArticles.landlordId, params.landlordId), eq(helpArticles.id, params.id)))
    .returning(columns);
  return row;
}

export async function deleteArticle(db: DbOrTx, params: { landlordId: string; id: string }) {
  const rows = await db
    .delete(helpArticles)
    .where(and(eq(helpArticles.landlordId, params.landlordId), eq(helpArticles.id, params.id)))
    .returning({ id: helpArticles.id });
  return rows.length > 0;
}

// --- the portal -------------------------------------------------------------------------------------

/**
 * Published rows in `want`, plus those in `fallback` (the landlord's default language) whose article
 * has no published row in `want`. The NOT EXISTS probes help_articles_key_locale_key.
 */
function inLanguage(landlordId: string, want: Locale, fallback: Locale): SQL {
  if (want === fallback) return sql`${helpArticles.locale} = ${want}`;
  return sql`(${helpArticles.locale} = ${want} or (${helpArticles.locale} = ${fallback} and not exists (
    select 1 from ${helpArticles} as other
    where other.landlord_id = ${landlordId} and other.article_key = ${helpArticles.articleKey}
      and other.locale = ${want} and other.published)))`;
}

const configOf = sql`case ${helpArticles.locale} when 'sv' then 'swedish'::regconfig when 'da' then 'danish'::regconfig else 'english'::regconfig end`;

/** Markers ts_headline puts around matched words: private-use characters no article contains. */
export const MATCH_START = '\uE000';
export const MATCH_STOP = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The portal's help centre: without `q` every published article in the language (category, position);
 * with `q` the matches ranked by ts_rank (title weighted A over body B), with a ts_headline snippet.
 * Bounded: `limit + 1` rows are read so the caller can tell there were more.
 */
export function listPortalArticles(
  db: DbOrTx,
  params: { landlordId: string; want: Locale; fallback: Locale; category?: HelpCategory | undefined; q?: string | undefined },
  limit: number,
) {
  const { landlordId, want, fallback, q } = params;
  const tsq = sql`websearch_to_tsquery(${configOf}, ${q ?? ''})`;
  const base = db
    .select({
      id: helpArticles.id,
      locale: helpArticles.locale,
      category: helpArticles.category,
      title: helpArticles.title,
      body: helpArticles.body,
      headline: q ? sql<string>`ts_headline(${configOf}, ${helpArticles.body}, ${tsq}, ${HEADLINE_OPTIONS})` : sql<null>`null`,
    })
    .from(helpArticles)
    .where(
      and(
        eq(helpArticles.landlordId, landlordId),
        eq(helpArticles.published, true),
        inLanguage(landlordId, want, fallback),
        params.category ? eq(helpArticles.category, params.category) : undefined,
        q ? matches([want, fallback], q) : undefined,
      ),
    );
  return q
    ? base.orderBy(sql`ts_rank(${helpArticles.search}, ${tsq}) desc`, helpArticles.position, helpArticles.id).limit(limit + 1)
    : base.orderBy(helpArticles.category, helpArticles.position, helpArticles.id).limit(limit + 1);
}

/** One published article the portal may show (any language: a link in one language stays valid). */
export async function findPublishedArticle(db: DbOrTx, params: { landlordId: string; id: string }) {
  const [row] = await db
    .select(columns)
    .from(helpArticles)
    .where(and(eq(helpArticles.landlordId, params.landlordId), eq(helpArticles.id, params.id), eq(helpArticles.published, true)));
  return row;
}

/**
 * The system's one cross-landlord read here (the backfill, not a request): landlords that have no help
 * article at all — those created before the help centre existed.
 */
export async function landlordsWithoutHelpArticles(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: landlords.id })
    .from(landlords)
    .where(sql`not exists (select 1 from ${helpArticles} where ${helpArticles.landlordId} = ${landlords.id})`);
  return rows.map((r) => r.id);
}
