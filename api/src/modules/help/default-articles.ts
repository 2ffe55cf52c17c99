import type { Locale } from '@portico/shared/locale';
import { renderMarkdown } from '../../content/markdown';
import type { DbOrTx } from '../../db/client';
import { DEFAULT_HELP_ARTICLES } from './defaults';
import * as repo from './repo';

// Apart from service.ts so that creating a landlord (settings/service.ts) can call it without the two
// services importing each other.

/**
 * Gives a landlord the default articles (defaults.ts) in sv, da and en. Idempotent: a key and language
 * the landlord already has (edited, or made earlier) is left alone, so it also backfills existing
 * landlords. A deleted default comes back only if this runs again for that landlord. Returns rows added.
 */
export function ensureDefaultHelpArticles(tx: DbOrTx, landlordId: string): Promise<number> {
  const values = DEFAULT_HELP_ARTICLES.flatMap((a) =>
    (Object.entries(a.text) as [Locale, { title: string; body: string }][]).map(([locale, t]) => ({
      articleKey: a.key,
      locale,
      category: a.category,
      title: t.title,
      body: t.body,
      bodyHtml: renderMarkdown(t.body),
      position: a.position,
      published: true,
    })),
  );
  return repo.insertArticlesIfMissing(tx, { landlordId, values });
}

/**
 * The backfill (a seed step, run by `npm run seed` / `npm start`): landlords created before the help
 * centre existed — those without a single article — get the defaults. A landlord that has any article
 * is left alone, so one that removed some defaults does not get them back. Returns the landlords filled.
 */
export async function backfillDefaultHelpArticles(db: DbOrTx): Promise<number> {
  const ids = await repo.landlordsWithoutHelpArticles(db);
  for (const id of ids) await db.transaction((tx) => ensureDefaultHelpArticles(tx, id));
  return ids.length;
}
