import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, makeScenario, STAFF_PASSWORD, VIEWPORTS } from './harness';

/**
 * Issue 8: lists page by cursor. Staff open a queue longer than a page, go to the next page (the
 * cursor lands in the URL, so a reload keeps the page), and come back with "Previous": every
 * case is seen once, in order, and the first page is the same as before.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const CSRF = { 'x-portico-csrf': '1' };
const PAGE = 25;
const CASES = PAGE + 3;

async function post(request: APIRequestContext, url: string, data: unknown) {
  const res = await request.post(url, { data, headers: CSRF });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`the case queue pages by cursor at ${size} size`, () => {
    let context: BrowserContext;
    afterAll(async () => {
      await context?.close();
    });

    it('shows the next page, keeps it across a reload, and comes back with Previous', async () => {
      const s = await makeScenario();
      context = await browser.newContext({ ...device, locale: 'en-GB' });
      await post(context.request, `${env.adminUrl}/api/v1/auth/staff/login`, { email: s.staff.email, password: STAFF_PASSWORD });
      for (let i = 1; i <= CASES; i++) {
        await post(context.request, `${env.adminUrl}/api/v1/cases`, {
          customerId: s.customer.id,
          leaseId: s.lease.id,
          title: `Paging ${s.u} #${String(i).padStart(2, '0')}`,
          description: 'A case to fill the queue.',
        });
      }

      const page = await context.newPage();
      const titles = () => page.locator('table a[href^="/cases/"]').allInnerTexts();
      await page.goto(`${env.adminUrl}/cases`);
      await page.getByText(`${CASES} cases`).waitFor();
      const first = await titles();
      expect(first).toHaveLength(PAGE);
      // Newest first: the last case made heads the queue.
      expect(first[0]).toBe(`Paging ${s.u} #${CASES}`);
      const pager = page.getByRole('navigation', { name: 'Pages' });
      await expect(pager.getByRole('button', { name: 'Previous' }).isDisabled()).resolves.toBe(true);

      await pager.getByRole('button', { name: 'Next' }).click();
      await page.waitForURL(/[?&]cursor=/);
      await page.locator('table a', { hasText: `Paging ${s.u} #01` }).waitFor();
      const second = await titles();
      expect(second).toEqual(['#03', '#02', '#01'].map((n) => `Paging ${s.u} ${n}`));
      await expect(pager.getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true);
      await expectAccessible(page, `case queue, second page (${size})`);

      // The cursor is in the URL: a reload shows the same page.
      await page.reload();
      await page.locator('table a', { hasText: `Paging ${s.u} #01` }).waitFor();
      expect(await titles()).toEqual(second);

      await pager.getByRole('button', { name: 'Previous' }).click();
      await page.locator('table a', { hasText: `Paging ${s.u} #${CASES}` }).waitFor();
      expect(await titles()).toEqual(first);
    });
  });
}
