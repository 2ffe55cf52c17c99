import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, signIn } from '../../../test/helpers';
import { insertCustomer } from '../../db/fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Page = {
  items: { id: string; name: string }[];
  nextCursor: string | null;
  previousCursor: string | null;
  total: number;
  totalCapped: boolean;
};

describe('customer list (console)', () => {
  it('pages by name with cursors both ways, and a search is a filter with its own first page', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.manager.email);
    // Two customers with the same name: the id keeps their order stable.
    for (const name of ['Ahlberg', 'Berg & Söner', 'Cederlund', 'Berg & Söner', '100% Fastighet_AB'])
      await insertCustomer(t.app.db, { landlordId: l.landlord.id, kind: 'company', name, email: `${name.length}@x.test` }, []);
    const all: string[] = [];
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const res = await staff.get(`/api/v1/customers?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as Page;
      pages.push(page);
      all.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(7); // five + the fixture's household and company
    expect(pages.every((p) => p.total === 7 && !p.totalCapped)).toBe(true);
    const back = (await staff.get(`/api/v1/customers?limit=2&cursor=${pages.at(-1)!.previousCursor}`)).json() as Page;
    expect(back.items).toEqual(pages.at(-2)!.items);

    const berg = (await staff.get('/api/v1/customers?q=berg')).json() as Page;
    expect(berg.items.map((c) => c.name)).toEqual(['Ahlberg', 'Berg & Söner', 'Berg & Söner']);
    expect(berg.total).toBe(3);
    // LIKE wildcards in the search are plain characters.
    expect(((await staff.get('/api/v1/customers?q=100%25')).json() as Page).items.map((c) => c.name)).toEqual(['100% Fastighet_AB']);
    expect(((await staff.get('/api/v1/customers?q=_')).json() as Page).items.map((c) => c.name)).toEqual(['100% Fastighet_AB']);
    // Search by e-mail too.
    expect(((await staff.get('/api/v1/customers?q=9@x.test')).json() as Page).items.map((c) => c.name)).toEqual(['Cederlund']);

    expect((await staff.get('/api/v1/customers?cursor=garbage')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/customers?page=2')).statusCode).toBe(200); // unknown keys are ignored
  });
});
