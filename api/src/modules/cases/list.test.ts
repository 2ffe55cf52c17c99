import { COUNT_CAP } from '@portico/shared/pagination';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, signIn, type TestLandlord } from '../../../test/helpers';
import { cases } from '../../db/schema/cases';
import { searchWords, TEXT_WALK, wordsPattern } from './repo';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Row = typeof cases.$inferSelect;
const SORTS = ['created_desc', 'created_asc', 'updated_desc', 'due_asc', 'number_desc'] as const;
const INFINITY = Number.POSITIVE_INFINITY;

/** The order each sort promises, computed here independently of the SQL (uuid order = lowercase hex order). */
const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
const EXPECTED: Record<(typeof SORTS)[number], (a: Row, b: Row) => number> = {
  created_desc: (a, b) => cmp(b.createdAt.getTime(), a.createdAt.getTime()) || cmp(b.id, a.id),
  created_asc: (a, b) => cmp(a.createdAt.getTime(), b.createdAt.getTime()) || cmp(a.id, b.id),
  updated_desc: (a, b) => cmp(b.updatedAt.getTime(), a.updatedAt.getTime()) || cmp(b.id, a.id),
  due_asc: (a, b) => cmp(a.dueAt?.getTime() ?? INFINITY, b.dueAt?.getTime() ?? INFINITY) || cmp(a.id, b.id),
  number_desc: (a, b) => cmp(b.number, a.number),
};

/** `n` cases of the company, three at each creation instant (ties), every fourth without a due date. */
async function seedCases(l: TestLandlord, n: number, over: (i: number) => Partial<typeof cases.$inferInsert> = () => ({})) {
  const base = Date.parse('2026-03-01T08:00:00Z');
  return t.app.db
    .insert(cases)
    .values(
      Array.from({ length: n }, (_, i) => ({
        landlordId: l.landlord.id,
        number: `2026-${String(500 + ((i * 7) % n)).padStart(5, '0')}`,
        customerId: l.company.customer.id,
        leaseId: l.office.id,
        propertyId: l.property.id,
        unitId: l.units[2]!.id,
        type: 'fault' as const,
        title: `Ärende ${i}`,
        description: 'Något är trasigt.',
        reporterKind: 'staff' as const,
        reporterId: l.admin.id,
        reporterDisplayName: 'Admin',
        createdAt: new Date(base + Math.floor(i / 3) * 60_000),
        updatedAt: new Date(base + ((i * 5) % n) * 3_600_000),
        dueAt: i % 4 === 0 ? null : new Date(base + ((i * 11) % 7) * 86_400_000),
        ...over(i),
      })),
    )
    .returning();
}

type Page = { items: { id: string }[]; nextCursor: string | null; previousCursor: string | null; total: number; totalCapped: boolean };

async function walk(client: Client, path: string, query: string, limit: number) {
  const get = async (cursor?: string) => {
    const res = await client.get(`${path}?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    return res.json() as Page;
  };
  const pages: Page[] = [await get()];
  while (pages.at(-1)!.nextCursor) pages.push(await get(pages.at(-1)!.nextCursor!));
  // Back again from the last page: each step gives exactly the page before.
  for (let i = pages.length - 1; i > 0; i--) {
    const back = await get(pages[i]!.previousCursor!);
    expect(back.items.map((x) => x.id)).toEqual(pages[i - 1]!.items.map((x) => x.id));
    expect(back.nextCursor).not.toBeNull();
  }
  expect(pages[0]!.previousCursor).toBeNull();
  return { pages, ids: pages.flatMap((p) => p.items.map((x) => x.id)) };
}

describe('case queue: keyset pages', () => {
  it('walks every sort forward and back with no gap or duplicate, ties on created_at and missing due dates included', async () => {
    const l = await makeLandlord(t.app);
    const rows = await seedCases(l, 23);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    for (const sort of SORTS) {
      const { pages, ids } = await walk(staff, '/api/v1/cases', `sort=${sort}`, 5);
      expect(ids, sort).toEqual([...rows].sort(EXPECTED[sort]).map((r) => r.id));
      expect(pages).toHaveLength(5);
      for (const p of pages) expect(p).toMatchObject({ total: 23, totalCapped: false });
    }
  });

  it('refuses a cursor made under another sort, and a forged one, with a 400', async () => {
    const l = await makeLandlord(t.app);
    await seedCases(l, 6);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const cursors = Object.fromEntries(
      await Promise.all(
        SORTS.map(async (sort) => [sort, (await staff.get(`/api/v1/cases?sort=${sort}&limit=2`)).json().nextCursor as string]),
      ),
    );
    for (const made of SORTS)
      for (const used of SORTS) {
        const res = await staff.get(`/api/v1/cases?sort=${used}&limit=2&cursor=${cursors[made]}`);
        expect(res.statusCode, `${made} cursor with ${used}`).toBe(made === used ? 200 : 400);
        if (made !== used) expect(res.json().error.code).toBe('validation_failed');
      }
    for (const forged of ['cdAAAA', 'cd', 'zz', `cd${Buffer.from('["a","2026-13-01 00:00:00+00","x"]').toString('base64url')}`])
      expect((await staff.get(`/api/v1/cases?cursor=${forged}`)).statusCode).toBe(400);
  });

  it('caps the count at COUNT_CAP and says so', async () => {
    const l = await makeLandlord(t.app);
    await seedCases(l, COUNT_CAP + 3);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const page = (await staff.get('/api/v1/cases?limit=10')).json();
    expect(page).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(page.items).toHaveLength(10);
    const one = (await staff.get('/api/v1/cases?q=2026-00501')).json();
    expect(one).toMatchObject({ total: 1, totalCapped: false });
  });

  it('keeps technicians to their assigned cases and tenants to theirs (and related cases sent to them) through cursors', async () => {
    const l = await makeLandlord(t.app);
    const rows = await seedCases(l, 9, (i) => ({
      assigneeId: i % 3 === 0 ? l.technician.id : l.manager.id,
      // Cases 6–8 are the household's: the company's portal user never sees them.
      ...(i >= 6 ? { customerId: l.household.customer.id, leaseId: l.flat.id, unitId: l.units[0]!.id } : {}),
    }));
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const related = (
      await admin.post('/api/v1/cases/related', { propertyId: l.property.id, title: 'Vattnet stängs av', description: 'Kl. 10–12.' })
    ).json();
    const tech = await signIn(t.app, 'staff', l.technician.email);
    const own = rows.filter((_, i) => i % 3 === 0).sort(EXPECTED.created_desc);
    expect((await walk(tech, '/api/v1/cases', 'sort=created_desc', 1)).ids).toEqual(own.map((r) => r.id));
    // A cursor from the admin's view still yields only the technician's cases.
    const adminPage = (await admin.get('/api/v1/cases?sort=created_asc&limit=1')).json();
    const fromAdmin = (await tech.get(`/api/v1/cases?sort=created_asc&limit=50&cursor=${adminPage.nextCursor}`)).json();
    expect(fromAdmin.items.every((c: { assignee: { id: string } }) => c.assignee.id === l.technician.id)).toBe(true);
    expect(fromAdmin.total).toBe(3);

    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const visible = [...rows.slice(0, 6).map((r) => r.id), related.id];
    const { ids, pages } = await walk(tenant, '/api/v1/portal/cases', 'sort=number_desc', 2);
    expect(ids.sort()).toEqual(visible.sort());
    expect(pages[0]!.total).toBe(7);
    expect((await tenant.get(`/api/v1/portal/cases?q=${encodeURIComponent(related.number)}`)).json().items).toMatchObject([
      { id: related.id },
    ]);
  });
});

describe('case search', () => {
  it('pages a search whose matches lie beyond the first TEXT_WALK cases the same as one that fills a page at once', async () => {
    const l = await makeLandlord(t.app);
    const n = TEXT_WALK + 40;
    // Oldest twelve and newest three carry the word: the first page needs the bitmap step, later ones too.
    const rows = await seedCases(l, n, (i) => ({ title: i < 12 || i >= n - 3 ? `Zeppelinare ${i}` : `Ärende ${i}` }));
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const matches = rows.filter((r) => r.title.startsWith('Zeppelinare'));
    for (const sort of ['created_desc', 'created_asc', 'number_desc'] as const) {
      const { ids, pages } = await walk(staff, '/api/v1/cases', `sort=${sort}&q=zeppelin`, 5);
      expect(ids, sort).toEqual([...matches].sort(EXPECTED[sort]).map((r) => r.id));
      expect(pages[0]).toMatchObject({ total: 15, totalCapped: false });
    }
    // A word in every case: the first walk fills each page, forward and back.
    const expected = [...rows].sort(EXPECTED.created_desc).map((r) => r.id);
    const first = (await staff.get('/api/v1/cases?sort=created_desc&q=2026-0&limit=50')).json();
    expect(first).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    const second = (await staff.get(`/api/v1/cases?sort=created_desc&q=2026-0&limit=50&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((x: { id: string }) => x.id)).toEqual(expected.slice(0, 100));
    const back = (await staff.get(`/api/v1/cases?sort=created_desc&q=2026-0&limit=50&cursor=${second.previousCursor}`)).json();
    expect(back.items.map((x: { id: string }) => x.id)).toEqual(expected.slice(0, 50));
  }, 120_000);

  it('finds by number, words (partial, any case, Swedish and Danish), street, object number, invoice marking and agreement', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const object = (await staff.post('/api/v1/objects', { number: 'TVM-4711', type: 'Tvättmaskin', unitId: l.units[2]!.id })).json();
    const make = async (over: Record<string, unknown>) => {
      const res = await staff.post('/api/v1/cases', {
        customerId: l.company.customer.id,
        leaseId: l.office.id,
        title: 'Ärende',
        description: 'Beskrivning.',
        ...over,
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; number: string };
    };
    const kran = await make({ title: 'Läcker kran i köket', street: 'Östra Hamngatan 12' });
    const dorr = await make({ title: 'Dörren går inte att låsa', description: 'Låset kärvar sedan i går.', street: 'Vasagatan 3' });
    const dansk = await make({ title: 'Vandhanen drypper', description: 'Der er fugt i kælderen.', invoiceMarking: 'Projekt Alfa' });
    const maskin = await make({ title: 'Maskinen stannar', objectId: object.id, agreementNumber: 'SA-2026-118' });

    const ids = async (query: string) =>
      ((await staff.get(`/api/v1/cases?${query}`)).json().items as { id: string }[]).map((x) => x.id).sort();
    const only = (...cs: { id: string }[]) => cs.map((c) => c.id).sort();
    const q = (text: string) => ids(`q=${encodeURIComponent(text)}`);
    expect(await q(dorr.number)).toEqual(only(dorr));
    expect(await q('kran')).toEqual(only(kran));
    expect(await q('LÄCKER')).toEqual(only(kran));
    expect(await q('dörr')).toEqual(only(dorr)); // a part of "Dörren"
    expect(await q('kärv')).toEqual(only(dorr)); // in the description
    expect(await q('kælder')).toEqual(only(dansk));
    expect(await q('hamngat')).toEqual(only(kran)); // street
    expect(await q('4711')).toEqual(only(maskin)); // object number
    expect(await q('alfa')).toEqual(only(dansk)); // invoice marking
    expect(await q('SA-2026-118')).toEqual(only(maskin)); // agreement number
    // Every word must occur, anywhere and in any order; short words are left out when a longer one is there.
    expect(await q('köket läcker')).toEqual(only(kran));
    expect(await q('läcker dörr')).toEqual([]);
    expect(await q('i kran')).toEqual(only(kran));
    expect(await q('100%')).toEqual([]);
    // The dedicated fields match their own column only.
    expect(await ids('street=vasa')).toEqual(only(dorr));
    expect(await ids('street=alfa')).toEqual([]);
    expect(await ids('objectNumber=tvm')).toEqual(only(maskin));
    expect(await ids('invoiceMarking=projekt')).toEqual(only(dansk));
    expect(await ids('agreementNumber=2026-118')).toEqual(only(maskin));
    expect(await ids(`q=kran&street=${encodeURIComponent('östra')}`)).toEqual(only(kran));
  });

  it('makes one pattern of up to three words, in any order, with everything but letters and digits literal', () => {
    expect(wordsPattern(['kran'])).toEqual({ pattern: 'kran', rest: [] });
    expect(wordsPattern(['läcker', 'kran'])).toEqual({ pattern: 'läcker.*kran|kran.*läcker', rest: [] });
    expect(wordsPattern(['a.b', '(x)', 'c', 'd']).pattern.split('|')).toHaveLength(6);
    expect(wordsPattern(['a.b', '(x)', 'c', 'd'])).toMatchObject({ rest: ['d'] });
    expect(wordsPattern(['2026-00042']).pattern).toBe('2026\\-00042');
  });

  it('splits free text into words', () => {
    expect(searchWords('  läcker   kran ')).toEqual(['läcker', 'kran']);
    expect(searchWords('i kran i')).toEqual(['kran']);
    expect(searchWords('ab')).toEqual(['ab']);
    expect(searchWords('kran kran')).toEqual(['kran']);
  });
});
