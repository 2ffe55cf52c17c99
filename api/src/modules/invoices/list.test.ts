import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, signIn } from '../../../test/helpers';
import { insertInvoice } from '../../db/fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Page = { items: { number: string }[]; nextCursor: string | null; previousCursor: string | null; total: number };

describe('portal invoice list', () => {
  it('pages unpaid oldest due first and all newest first, by cursor both ways', async () => {
    const l = await makeLandlord(t.app);
    const base = { landlordId: l.landlord.id, customerId: l.company.customer.id, leaseId: l.office.id };
    const rows: [string, string, 'unpaid' | 'paid'][] = [
      ['1001', '2027-01-31', 'paid'],
      ['1002', '2027-02-28', 'unpaid'],
      ['1003', '2027-02-28', 'unpaid'],
      ['1004', '2027-03-31', 'unpaid'],
      ['1005', '2027-04-30', 'paid'],
    ];
    for (const [number, dueDate, status] of rows)
      await insertInvoice(t.app.db, { ...base, number, dueDate, status, period: `2027-${number.slice(2)}` });
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);

    const walk = async (query: string) => {
      const pages: Page[] = [];
      let cursor: string | null = null;
      do {
        const res = await tenant.get(`/api/v1/portal/invoices?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        pages.push(res.json());
        cursor = pages.at(-1)!.nextCursor;
      } while (cursor);
      return pages;
    };
    const unpaid = await walk('unpaidOnly=true');
    expect(unpaid.flatMap((p) => p.items.map((i) => i.number))).toEqual(['1002', '1003', '1004']);
    expect(unpaid[0]!.total).toBe(3);
    const all = await walk('unpaidOnly=false');
    expect(all.flatMap((p) => p.items.map((i) => i.number))).toEqual(['1005', '1004', '1003', '1002', '1001']);
    const back = (await tenant.get(`/api/v1/portal/invoices?limit=2&unpaidOnly=false&cursor=${all[2]!.previousCursor}`)).json() as Page;
    expect(back.items.map((i) => i.number)).toEqual(['1003', '1002']);
    expect((await tenant.get('/api/v1/portal/invoices?cursor=xyz')).statusCode).toBe(400);
  });
});
