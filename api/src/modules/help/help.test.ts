import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, PASSWORD, signIn } from '../../../test/helpers';
import { insertPortalUser, insertStaff } from '../../db/fixtures';
import { helpArticles } from '../../db/schema/content';
import { createLandlordWithAdmin } from '../onboarding/service';
import { ensureDefaultHelpArticles } from './default-articles';
import { DEFAULT_HELP_ARTICLES } from './defaults';
import { landlordsWithoutHelpArticles } from './repo';

/** Issue 12 §3: the help centre — staff write articles per language, tenants read and search them. */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tag = () => randomUUID().slice(0, 8);

/** A landlord (default language `locale`) with a manager and a tenant (the company's main administrator). */
async function setUp(locale: 'sv' | 'da' | 'en' = 'en') {
  const l = await makeLandlord(t.app, { locale });
  const manager = await signIn(t.app, 'staff', l.manager.email);
  const tenant = await signIn(t.app, 'portal', l.companyUser.email);
  return { l, manager, tenant };
}

type Article = {
  articleKey?: string;
  locale: string;
  category?: string;
  title: string;
  body: string;
  published?: boolean;
  position?: number;
};
async function write(c: Client, a: Article) {
  const res = await c.post('/api/v1/help-articles', { category: 'other', ...a });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; articleKey: string };
}

const search = async (c: Client, q: string, locale: string) => {
  const res = await c.get(`/api/v1/portal/help-articles?q=${encodeURIComponent(q)}&locale=${locale}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; title: string; locale: string; snippet: { text: string; match: boolean }[] | null }[];
    truncated: boolean;
  };
};

describe('staff: writing articles', () => {
  it('creates, reads, edits and deletes an article; another language is another row with the same key', async () => {
    const { manager } = await setUp();
    const created = await manager.post('/api/v1/help-articles', {
      locale: 'sv',
      category: 'invoices',
      title: 'Betala hyran',
      body: 'Betala med **OCR**.\n\n<script>alert(1)</script>',
      position: 5,
    });
    expect(created.statusCode, created.body).toBe(201);
    const sv = created.json();
    expect(sv).toMatchObject({ locale: 'sv', category: 'invoices', published: true, position: 5, translations: [] });
    expect(sv.articleKey).toMatch(/^article-[0-9a-f]{12}$/);
    expect(sv.bodyHtml).toContain('<strong>OCR</strong>');
    expect(sv.bodyHtml).not.toContain('<script>');

    const en = await write(manager, {
      articleKey: sv.articleKey,
      locale: 'en',
      category: 'invoices',
      title: 'Paying the rent',
      body: 'Pay with **OCR**.',
    });
    const again = await manager.post('/api/v1/help-articles', {
      articleKey: sv.articleKey,
      locale: 'en',
      category: 'invoices',
      title: 'Twice',
      body: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('help_article_exists');

    const read = (await manager.get(`/api/v1/help-articles/${sv.id}`)).json();
    expect(read.translations).toEqual([{ id: en.id, locale: 'en', title: 'Paying the rent', published: true }]);

    const patched = await manager.patch(`/api/v1/help-articles/${sv.id}`, {
      title: 'Betala hyran i tid',
      body: '*Kursiv*',
      published: false,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'Betala hyran i tid', body: '*Kursiv*', published: false, locale: 'sv' });
    expect(patched.json().bodyHtml).toContain('<em>Kursiv</em>');

    expect((await manager.request('DELETE', `/api/v1/help-articles/${sv.id}`)).statusCode).toBe(200);
    expect((await manager.get(`/api/v1/help-articles/${sv.id}`)).statusCode).toBe(404);
    expect((await manager.request('DELETE', `/api/v1/help-articles/${sv.id}`)).statusCode).toBe(404);
    expect((await manager.get(`/api/v1/help-articles/${en.id}`)).json().translations).toEqual([]);
  });

  it('lists by language, category and words, in pages', async () => {
    const { manager } = await setUp();
    for (let i = 0; i < 5; i++)
      await write(manager, { locale: 'en', category: 'cases', title: `Case help ${i}`, body: 'About cases', position: i });
    await write(manager, { locale: 'sv', category: 'cases', title: 'Ärendehjälp', body: 'Om ärenden' });
    await write(manager, { locale: 'en', category: 'invoices', title: 'Invoices', body: 'About invoices and payments' });

    const first = (await manager.get('/api/v1/help-articles?locale=en&category=cases&limit=3')).json();
    expect(first.items.map((a: { title: string }) => a.title)).toEqual(['Case help 0', 'Case help 1', 'Case help 2']);
    expect(first.total).toBe(5);
    const second = (await manager.get(`/api/v1/help-articles?locale=en&category=cases&limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((a: { title: string }) => a.title)).toEqual(['Case help 3', 'Case help 4']);
    expect(second.nextCursor).toBeNull();

    const all = (await manager.get('/api/v1/help-articles?limit=100')).json();
    expect(all.items.map((a: { locale: string }) => a.locale)).toEqual(['en', 'en', 'en', 'en', 'en', 'en', 'sv']);
    const paid = (await manager.get('/api/v1/help-articles?q=payment')).json();
    expect(paid.items.map((a: { title: string }) => a.title)).toEqual(['Invoices']);
    expect((await manager.get('/api/v1/help-articles?cursor=bm9wZQ')).statusCode).toBe(400);
  });

  it('finance and technicians may not; another landlord finds nothing of it', async () => {
    const { l, manager } = await setUp();
    const article = await write(manager, { locale: 'en', title: 'Private', body: 'Only ours' });
    const finance = await insertStaff(t.app.db, {
      landlordId: l.landlord.id,
      email: `finance-${tag()}@staff.test`,
      name: 'Finance',
      role: 'finance',
      password: PASSWORD,
    });
    for (const email of [finance.email, l.technician.email]) {
      const c = await signIn(t.app, 'staff', email);
      expect((await c.get('/api/v1/help-articles')).statusCode).toBe(403);
      expect((await c.post('/api/v1/help-articles', { locale: 'en', category: 'other', title: 'x', body: 'y' })).statusCode).toBe(403);
      expect((await c.patch(`/api/v1/help-articles/${article.id}`, { title: 'x' })).statusCode).toBe(403);
    }
    const other = await setUp();
    expect((await other.manager.get(`/api/v1/help-articles/${article.id}`)).statusCode).toBe(404);
    expect((await other.manager.patch(`/api/v1/help-articles/${article.id}`, { title: 'Taken' })).statusCode).toBe(404);
    expect((await other.manager.request('DELETE', `/api/v1/help-articles/${article.id}`)).statusCode).toBe(404);
    expect((await other.manager.get('/api/v1/help-articles?q=ours')).json().items).toEqual([]);
  });
});

describe('portal: reading and searching', () => {
  it('finds inflected forms in each language with that language’s configuration', async () => {
    const { manager, tenant } = await setUp();
    const sv = await write(manager, { locale: 'sv', title: 'Betala en faktura', body: 'Så betalar du din hyra.' });
    const da = await write(manager, { locale: 'da', title: 'Betal en faktura', body: 'Sådan betaler du din husleje.' });
    const en = await write(manager, { locale: 'en', title: 'Making a payment', body: 'How to pay the rent.' });

    expect((await search(tenant, 'fakturor', 'sv')).items.map((a) => a.id)).toEqual([sv.id]);
    expect((await search(tenant, 'fakturaer', 'da')).items.map((a) => a.id)).toEqual([da.id]);
    const payments = await search(tenant, 'payments', 'en');
    expect(payments.items.map((a) => a.id)).toEqual([en.id]);
    // Each language only in its own: the Swedish article is not an answer in English.
    expect((await search(tenant, 'fakturor', 'en')).items).toEqual([]);
    // Stop words only, or websearch syntax typed by accident: an empty answer, never an error.
    for (const q of ['the', '"unclosed', '-', 'or or', "!!:* & | ('"]) expect((await search(tenant, q, 'en')).items).toEqual([]);
    expect((await tenant.get('/api/v1/portal/help-articles?q=')).statusCode).toBe(400);
  });

  it('ranks a match in the title above one in the body, and highlights the matched words', async () => {
    const { manager, tenant } = await setUp();
    const inBody = await write(manager, {
      locale: 'en',
      title: 'Heating',
      body: 'If the radiators are cold, the **boiler** may be off. Call us and we check the boiler room.',
    });
    const inTitle = await write(manager, { locale: 'en', title: 'Boiler service', body: 'We service it every autumn.', position: 9 });
    const found = await search(tenant, 'boiler', 'en');
    expect(found.items.map((a) => a.id)).toEqual([inTitle.id, inBody.id]);
    const snippet = found.items[1]!.snippet!;
    expect(snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toContain('boiler');
    expect(snippet.map((p) => p.text).join('')).not.toMatch(/[*\uE000\uE001]/);
    const list = (await tenant.get('/api/v1/portal/help-articles?locale=en')).json();
    expect(list.items[0].snippet).toBeNull();
  });

  it('falls back to the landlord’s default language for an article missing (or unpublished) in the tenant’s', async () => {
    const { manager, tenant } = await setUp('sv');
    const both = await write(manager, { locale: 'sv', category: 'moving', title: 'Flytta ut', body: 'Säg upp skriftligt.' });
    const bothEn = await write(manager, {
      articleKey: both.articleKey,
      locale: 'en',
      category: 'moving',
      title: 'Moving out',
      body: 'Give notice in writing.',
    });
    const onlySv = await write(manager, { locale: 'sv', category: 'property', title: 'Tvätt', body: 'Boka en tvättstuga i appen.' });
    const draft = await write(manager, { locale: 'sv', category: 'other', title: 'Utkast', body: 'Inte klart', published: false });
    const hiddenEn = await write(manager, { locale: 'sv', category: 'cases', title: 'Felanmälan', body: 'Anmäl fel här.' });
    await write(manager, {
      articleKey: hiddenEn.articleKey,
      locale: 'en',
      category: 'cases',
      title: 'Fault reports',
      body: 'Draft',
      published: false,
    });
    await write(manager, { locale: 'da', category: 'other', title: 'Kun dansk', body: 'Kun på dansk.' });

    const list = (await tenant.get('/api/v1/portal/help-articles?locale=en')).json();
    const shown = list.items.map((a: { id: string; locale: string }) => [a.id, a.locale]);
    expect(shown).toEqual(
      expect.arrayContaining([
        [bothEn.id, 'en'],
        [onlySv.id, 'sv'],
        [hiddenEn.id, 'sv'],
      ]),
    );
    expect(shown).toHaveLength(3);
    expect(list.items.map((a: { id: string }) => a.id)).not.toContain(draft.id);
    // A search reaches the fallback rows with their own language's configuration ("tvättstugor" finds "tvättstuga").
    expect((await search(tenant, 'tvättstugor', 'en')).items.map((a) => a.id)).toEqual([onlySv.id]);
    expect((await search(tenant, 'Utkast', 'sv')).items).toEqual([]);
    expect((await tenant.get(`/api/v1/portal/help-articles/${draft.id}`)).statusCode).toBe(404);

    // No locale: the person's language, else the landlord's default (Swedish here).
    const plain = (await tenant.get('/api/v1/portal/help-articles')).json();
    expect(plain.items.map((a: { locale: string }) => a.locale)).toEqual(['sv', 'sv', 'sv']);

    const one = await tenant.get(`/api/v1/portal/help-articles/${bothEn.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: bothEn.id, title: 'Moving out', locale: 'en', bodyHtml: '<p>Give notice in writing.</p>\n' });
    expect(one.json()).not.toHaveProperty('body');
  });

  it('filters by category and serves every portal role; another landlord’s articles are never found', async () => {
    const { l, manager, tenant } = await setUp();
    const marker = `zebra${tag()}`;
    const mine = await write(manager, { locale: 'en', category: 'invoices', title: `Invoices ${marker}`, body: 'Paying.' });
    await write(manager, { locale: 'en', category: 'cases', title: `Cases ${marker}`, body: 'Faults.' });
    expect((await tenant.get('/api/v1/portal/help-articles?category=invoices')).json().items.map((a: { id: string }) => a.id)).toEqual([
      mine.id,
    ]);

    const user = await insertPortalUser(t.app.db, { email: `user-${tag()}@company.test`, name: 'User', password: PASSWORD }, [
      { landlordId: l.landlord.id, customerId: l.company.customer.id, role: 'user' },
    ]);
    const asUser = await signIn(t.app, 'portal', user.email);
    expect((await asUser.get(`/api/v1/portal/help-articles/${mine.id}`)).statusCode).toBe(200);

    const other = await setUp();
    expect((await other.tenant.get(`/api/v1/portal/help-articles/${mine.id}`)).statusCode).toBe(404);
    expect((await search(other.tenant, marker, 'en')).items).toEqual([]);
    expect((await other.tenant.get('/api/v1/portal/help-articles?locale=en')).json().items).toEqual([]);
  });
});

describe('default articles', () => {
  it('a new landlord starts with them in sv, da and en; running again adds nothing and keeps edits', async () => {
    const { landlord } = await createLandlordWithAdmin(
      { db: t.app.db, config: t.app.config },
      { name: `Help ${tag()} AB`, country: 'DK', defaultLocale: 'da', adminEmail: `help-${tag()}@landlord.test`, adminName: 'Admin' },
    );
    const rows = await t.app.db.select().from(helpArticles).where(eq(helpArticles.landlordId, landlord.id));
    expect(rows).toHaveLength(DEFAULT_HELP_ARTICLES.length * 3);
    expect(DEFAULT_HELP_ARTICLES.length).toBeGreaterThanOrEqual(6);
    for (const locale of ['sv', 'da', 'en'] as const) {
      const inLocale = rows.filter((r) => r.locale === locale);
      expect(new Set(inLocale.map((r) => r.articleKey))).toEqual(new Set(DEFAULT_HELP_ARTICLES.map((a) => a.key)));
      expect(inLocale.every((r) => r.published && r.bodyHtml.startsWith('<'))).toBe(true);
    }
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(DEFAULT_HELP_ARTICLES.map((a) => a.category)));

    const signInSv = rows.find((r) => r.articleKey === 'default-sign-in' && r.locale === 'sv')!;
    await t.app.db
      .update(helpArticles)
      .set({ title: 'Vår egen text' })
      .where(and(eq(helpArticles.id, signInSv.id), eq(helpArticles.landlordId, landlord.id)));
    expect(await ensureDefaultHelpArticles(t.app.db, landlord.id)).toBe(0);
    const [kept] = await t.app.db.select().from(helpArticles).where(eq(helpArticles.id, signInSv.id));
    expect(kept!.title).toBe('Vår egen text');
  });

  it('the backfill picks the landlords that have no article at all, and only those', async () => {
    const without = await makeLandlord(t.app);
    const withOne = await setUp();
    await write(withOne.manager, { locale: 'en', title: 'Ours', body: 'Only this one' });
    const ids = await landlordsWithoutHelpArticles(t.app.db);
    expect(ids).toContain(without.landlord.id);
    expect(ids).not.toContain(withOne.l.landlord.id);
  });

  it('the defaults are searchable in each language', async () => {
    const { l, tenant } = await setUp('sv');
    expect(await ensureDefaultHelpArticles(t.app.db, l.landlord.id)).toBe(DEFAULT_HELP_ARTICLES.length * 3);
    expect((await search(tenant, 'fakturor', 'sv')).items[0]!.title).toBe('Fakturor och betalning av hyran');
    expect((await search(tenant, 'fakturaer', 'da')).items[0]!.title).toBe('Fakturaer og betaling af husleje');
    expect((await search(tenant, 'forgotten passwords', 'en')).items[0]!.title).toBe('I have forgotten my password');
  });
});
