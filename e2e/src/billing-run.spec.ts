import { insertStaff } from '@portico/api/src/db/fixtures';
import { landlords } from '@portico/api/src/db/schema/landlords';
import { leaseRentLines } from '@portico/api/src/db/schema/leases';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, makeScenario, STAFF_PASSWORD, VIEWPORTS, withDb } from './harness';

/**
 * Issue 11 (RUN), billing runs: finance signs in, picks a month, previews what the run would make,
 * runs it, and opens the notice it created (lines, total, OCR reference).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const CSRF = { 'x-portico-csrf': '1' };

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`billing runs in the console at ${size} size`, () => {
    let context: BrowserContext;
    afterAll(async () => {
      await context?.close();
    });

    it('finance previews and runs a month, then opens the notice', async () => {
      const s = await makeScenario();
      const finance = await withDb(async (db) => {
        await db
          .update(landlords)
          .set({ paymentAccounts: { bankgiro: '991-2346' } })
          .where(eq(landlords.id, s.landlord.id));
        await db
          .insert(leaseRentLines)
          .values({ landlordId: s.landlord.id, leaseId: s.lease.id, position: 0, kind: 'rent', description: 'Hyra', amountMinor: 845_000 });
        return insertStaff(db, {
          landlordId: s.landlord.id,
          email: `finance-${s.u}@e2e.test`,
          name: 'Fia Finance',
          role: 'finance',
          password: STAFF_PASSWORD,
        });
      });
      context = await browser.newContext({ ...device, locale: 'en-GB' });
      const login = await context.request.post(`${env.adminUrl}/api/v1/auth/staff/login`, {
        data: { email: finance.email, password: STAFF_PASSWORD },
        headers: CSRF,
      });
      expect(login.status()).toBe(200);

      const page = await context.newPage();
      await page.goto(`${env.adminUrl}/billing/runs`);
      await page.getByRole('heading', { level: 1, name: 'Billing runs' }).waitFor();
      await page.getByLabel('Month').fill('2027-03');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText('1 notice would be created for March 2027.').waitFor();
      await page.getByRole('cell', { name: s.lease.number }).waitFor();
      await expectAccessible(page, `billing run preview (${size})`);
      await page.getByRole('button', { name: 'Create 1 notice' }).click();
      await page.getByText('Billing run done').waitFor();
      await page.getByRole('link', { name: 'Show the notices' }).click();

      await page.getByRole('heading', { level: 1, name: 'Invoices' }).waitFor();
      await page.getByRole('link', { name: '1', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Invoice 1' }).waitFor();
      await page.getByText(s.customer.name).first().waitFor();
      // 8,450.00 SEK; due the last weekday before 1 March 2027 (Friday 26 February); OCR 1 + length + check digit.
      await expect.poll(() => page.getByText(/8,450\.00/).count()).toBeGreaterThan(0);
      await page.getByText('26 Feb 2027').waitFor();
      await page.getByText('133').first().waitFor();
      await page.getByRole('link', { name: 'Open PDF' }).waitFor();
      await expectAccessible(page, `notice (${size})`);
    });
  });
}
