import { insertInvoice, insertPortalUser, insertStaff } from '@portico/api/src/db/fixtures';
import { invoices } from '@portico/api/src/db/schema/invoices';
import { landlords } from '@portico/api/src/db/schema/landlords';
import { buildBgmax } from '@portico/api/src/modules/payments/bgmax-fixture';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, makeScenario, STAFF_PASSWORD, VIEWPORTS, withDb } from './harness';

/**
 * Issue 11 §3 as finance walks it: upload Bankgirot's BgMax file, read what it did (one notice paid
 * by its OCR reference, one payment nobody could match), see the same file refused the second time
 * with its date, and assign the unmatched payment to the other notice from the queue; the tenant's
 * main administrator then finds both payments, with the notices they paid, in the portal. On the way
 * finance registers a payment by hand as the customer's credit and uses it on May's notice.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const CSRF = { 'x-portico-csrf': '1' };
const BANKGIRO = '991-2346';

async function world() {
  const s = await makeScenario();
  return withDb(async (db) => {
    await db
      .update(landlords)
      .set({ paymentAccounts: { bankgiro: BANKGIRO } })
      .where(eq(landlords.id, s.landlord.id));
    const finance = await insertStaff(db, {
      landlordId: s.landlord.id,
      email: `finance-${s.u}@e2e.test`,
      name: `Fia Finance ${s.u}`,
      role: 'finance',
      password: STAFF_PASSWORD,
    });
    const base = { landlordId: s.landlord.id, customerId: s.customer.id, leaseId: s.lease.id, status: 'unpaid' as const };
    const march = await insertInvoice(db, { ...base, period: '2027-03', totalMinor: 845_000 });
    const april = await insertInvoice(db, { ...base, period: '2027-04', totalMinor: 612_500 });
    const may = await insertInvoice(db, { ...base, period: '2027-05', totalMinor: 612_500 });
    const tenant = await insertPortalUser(db, { email: s.tenantEmail, name: s.customer.name, password: STAFF_PASSWORD }, [
      { landlordId: s.landlord.id, customerId: s.customer.id, role: 'main_admin' },
    ]);
    return { ...s, finance, march, april, may, tenant };
  });
}

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`payments in the console at ${size} size`, () => {
    let context: BrowserContext;
    afterAll(async () => {
      await context?.close();
    });

    it('finance imports a BgMax file, reads the summary, and assigns the unmatched payment', async () => {
      const w = await world();
      const file = Buffer.from(
        buildBgmax({
          payeeBankgiro: BANKGIRO,
          stamp: '20270325061500123456',
          deposits: [
            {
              date: '2027-03-25',
              payments: [
                { reference: w.march.reference!, amountMinor: 845_000, serial: 1, name: w.customer.name },
                { reference: 'HYRA APRIL', code: 4, amountMinor: 612_500, serial: 2, name: 'Okänd Betalare' },
              ],
            },
          ],
        }),
        'latin1',
      );
      context = await browser.newContext({ ...device, locale: 'en-GB' });
      const login = await context.request.post(`${env.adminUrl}/api/v1/auth/staff/login`, {
        data: { email: w.finance.email, password: STAFF_PASSWORD },
        headers: CSRF,
      });
      expect(login.status()).toBe(200);

      const page = await context.newPage();
      await page.goto(`${env.adminUrl}/billing/imports`);
      await page.getByRole('heading', { level: 1, name: 'Payment file imports' }).waitFor();
      await page.locator('input[type="file"]').setInputFiles({ name: 'BGMAX.txt', mimeType: 'text/plain', buffer: file });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const result = page.getByTestId('import-result');
      await result.getByText('File of 2027-03-25 06:15:00 · deposit 00001 · 2 payments').waitFor();
      await expect.poll(() => result.getByTestId('tally-matched').textContent()).toContain('1 ·');
      await expect.poll(() => result.getByTestId('tally-unmatched').textContent()).toContain('1 ·');
      await expectAccessible(page, `payment imports (${size})`);
      expect((await withDb((db) => db.select().from(invoices).where(eq(invoices.id, w.march.id))))[0]!.status).toBe('paid');

      // The same file again: refused, naming the file's date and deposit number; nothing booked twice.
      await page.locator('input[type="file"]').setInputFiles({ name: 'BGMAX.txt', mimeType: 'text/plain', buffer: file });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('alert').getByText('This file was imported before (file of 2027-03-25 06:15:00, deposit 00001)').waitFor();

      // The unmatched payment, assigned to April's notice found by its reference.
      await page.getByRole('link', { name: 'Unmatched', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Unmatched payments' }).waitFor();
      await page.getByText('Ref. HYRA APRIL').waitFor();
      await expectAccessible(page, `unmatched queue (${size})`);
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Notice reference or number' }).fill(w.april.reference!);
      await dialog.getByRole('radio', { name: new RegExp(`No\\. ${w.april.number} `) }).check();
      await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
      await page.getByText('Nothing waits: every payment is matched.').waitFor();
      const april = (await withDb((db) => db.select().from(invoices).where(eq(invoices.id, w.april.id))))[0]!;
      expect(april).toMatchObject({ status: 'paid', paidMinor: 612_500 });

      // Both payments in the list, filtered to BgMax.
      await page.goto(`${env.adminUrl}/billing/payments?source=bgmax`);
      await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
      await expect.poll(() => page.getByTestId('payment-row').count()).toBe(2);
      await expectAccessible(page, `payments list (${size})`);

      // A payment registered by hand as the customer's credit, then used on May's notice.
      await page.goto(`${env.adminUrl}/billing/payments`);
      await page.getByRole('textbox', { name: 'Amount' }).fill('100');
      await page.getByRole('radio', { name: 'A customer (credit)' }).check();
      await page.getByRole('textbox', { name: 'Customer name or number' }).fill(w.customer.name);
      await page.getByRole('radio', { name: w.customer.name }).check();
      await page.getByRole('button', { name: 'Register payment' }).click();
      await page.getByText('The payment is registered.').waitFor();
      await page.getByRole('button', { name: 'Use credit' }).click();
      const credit = page.getByRole('dialog');
      await credit.getByRole('textbox', { name: 'Notice reference or number' }).fill(w.may.reference!);
      await credit.getByRole('radio', { name: new RegExp(`No\\. ${w.may.number} `) }).check();
      await credit.getByRole('button', { name: 'Use credit' }).click();
      await credit.waitFor({ state: 'detached' });
      const may = (await withDb((db) => db.select().from(invoices).where(eq(invoices.id, w.may.id))))[0]!;
      expect(may).toMatchObject({ status: 'partly_paid', paidMinor: 10_000 });

      // The tenant's main administrator sees both payments and the notices they paid.
      const portal = await browser.newContext({ ...device, locale: 'en-GB' });
      try {
        const tenant = await portal.newPage();
        await tenant.goto(`${env.tenantUrl}/login`);
        await tenant.getByLabel('E-mail or username').fill(w.tenant.email);
        await tenant.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
        await tenant.getByRole('button', { name: 'Sign in', exact: true }).click();
        await tenant.waitForURL(/\/messages/);
        await tenant.goto(`${env.tenantUrl}/invoices/payments`);
        await tenant.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
        const table = tenant.getByRole('region', { name: 'Payments' });
        await table.getByText(`Invoice ${w.march.number}:`).waitFor();
        await table.getByText(`Invoice ${w.april.number}:`).waitFor();
        await table.getByText(`Invoice ${w.may.number}:`).waitFor();
        await expectAccessible(tenant, `portal payments (${size})`);
      } finally {
        await portal.close();
      }
    });
  });
}
