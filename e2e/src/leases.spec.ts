import { insertProperty } from '@portico/api/src/db/fixtures';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, makeScenario, STAFF_PASSWORD, VIEWPORTS, withDb } from './harness';

/**
 * Issue 9, leases: a manager creates a lease for an existing customer and a free unit with two
 * rent lines and the signed PDF, sees the monthly total and the PDF on the lease's page, then
 * terminates it (with a confirmation) and finds both changes in its history.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const CSRF = { 'x-portico-csrf': '1' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`leases in the console at ${size} size`, () => {
    let context: BrowserContext;
    afterAll(async () => {
      await context?.close();
    });

    it('a manager creates a lease with two rent lines and a PDF, then terminates it', async () => {
      const s = await makeScenario();
      const unitAddress = `Leasegatan 7, lgh ${s.u}`;
      await withDb((db) =>
        insertProperty(
          db,
          { landlordId: s.landlord.id, name: `Leasehuset ${s.u}`, street: 'Leasegatan 7', postalCode: '411 02', city: 'Göteborg' },
          [{ number: `L${s.u}`, type: 'apartment', address: unitAddress, areaM2: '54.5' }],
        ),
      );
      context = await browser.newContext({ ...device, locale: 'en-GB' });
      const login = await context.request.post(`${env.adminUrl}/api/v1/auth/staff/login`, {
        data: { email: s.staff.email, password: STAFF_PASSWORD },
        headers: CSRF,
      });
      expect(login.status()).toBe(200);

      const page = await context.newPage();
      await page.goto(`${env.adminUrl}/leases`);
      await page.getByRole('heading', { level: 1, name: 'Leases' }).waitFor();
      // The seed's lease of the scenario is listed.
      await page.getByRole('link', { name: s.lease.number }).waitFor();
      await expectAccessible(page, `lease list (${size})`);

      await page.getByRole('link', { name: 'New lease' }).click();
      await page.getByRole('heading', { level: 1, name: 'New lease' }).waitFor();
      // A searchable select opens its list below the field: the field goes to the top of the screen
      // first, so at phone size the list is not clipped (Mantine hides a dropdown whose field is).
      const atTop = (el: Element) => el.scrollIntoView({ block: 'start' });
      const customer = page.getByRole('textbox', { name: 'Customer' });
      await customer.evaluate(atTop);
      await customer.click();
      await customer.pressSequentially(s.customer.name.slice(0, 12));
      await page.getByRole('option', { name: new RegExp(s.customer.name) }).click();
      const number = `HA-${s.u}`;
      await page.getByRole('textbox', { name: 'Lease number' }).fill(number);
      await page.getByRole('combobox', { name: 'Type' }).selectOption('residential');

      const units = page.getByRole('combobox', { name: 'Units' });
      await units.evaluate(atTop);
      await units.click();
      await units.fill(`L${s.u}`);
      await page.getByRole('option', { name: new RegExp(unitAddress) }).click();
      await page.keyboard.press('Escape');

      await page.getByLabel('Valid from').fill('2026-01-01');
      const first = page.getByRole('group', { name: 'Rent line 1' });
      await first.getByRole('textbox', { name: 'Description' }).fill('Hyra');
      await first.getByRole('textbox', { name: 'Amount per month' }).fill('8450');
      await page.getByRole('button', { name: 'Add rent line' }).click();
      const second = page.getByRole('group', { name: 'Rent line 2' });
      await second.getByRole('combobox', { name: 'Kind' }).selectOption('heating');
      await second.getByRole('textbox', { name: 'Amount per month' }).fill('450,50');
      await page.getByLabel('Signed lease (PDF)').setInputFiles({ name: 'signed-lease.pdf', mimeType: 'application/pdf', buffer: PDF });
      await expectAccessible(page, `new lease form (${size})`);
      await page.getByRole('button', { name: 'Create lease' }).click();

      await page.getByRole('heading', { level: 1, name: `Lease ${number}` }).waitFor();
      expect(page.url()).toMatch(/\/leases\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId('lease-total').textContent()).resolves.toMatch(/8,900\.50/);
      await page.getByRole('cell', { name: unitAddress }).waitFor();
      await page.getByText('54.5 m² (sum of the units)').waitFor();
      const pdfLink = page.getByRole('link', { name: 'signed-lease.pdf' });
      const href = await pdfLink.getAttribute('href');
      const download = await context.request.get(`${env.adminUrl}${href}`);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toBe('application/pdf');
      await expectAccessible(page, `lease page (${size})`);

      // Edit: the form comes back filled in (customer, unit, amounts); a shorter notice period is saved.
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByRole('heading', { level: 1, name: `Edit lease ${number}` }).waitFor();
      await expect.poll(() => page.getByRole('textbox', { name: 'Customer' }).inputValue(), { timeout: 10_000 }).toBe(s.customer.name);
      await expect(
        page.getByRole('group', { name: 'Rent line 2' }).getByRole('textbox', { name: 'Amount per month' }).inputValue(),
      ).resolves.toBe('450.50');
      await page.getByRole('textbox', { name: 'Notice period (months)' }).fill('1');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name: `Lease ${number}` }).waitFor();
      await page.getByText('1 month', { exact: true }).waitFor();

      // Terminate, after a confirmation asking for the notice date.
      await page.getByRole('button', { name: 'Terminate' }).click();
      const dialog = page.getByRole('dialog', { name: `Terminate lease ${number}` });
      await dialog.getByLabel('Notice date').fill('2026-02-10');
      await expectAccessible(page, `terminate dialog (${size})`);
      await dialog.getByRole('button', { name: 'Terminate' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Archive' }).waitFor();
      await page.locator('.mantine-Badge-root', { hasText: 'Terminated' }).waitFor();
      // One month's notice from 10 February: to the end of March.
      await page.getByText('31 Mar 2026').waitFor();

      await page.getByRole('button', { name: 'Show history' }).click();
      // Values as the console names them (the history labels enums), not as stored.
      await page.getByText(/Status: Active → Terminated/).waitFor();
      await page.getByText(/Notice period \(months\): 3 → 1/).waitFor();
      await page.getByText(/Created · /).waitFor();

      // The list shows it with its new status.
      await page.goto(`${env.adminUrl}/leases?status=terminated`);
      await page.getByRole('link', { name: number }).waitFor();
      expect(await page.getByRole('link', { name: s.lease.number }).count()).toBe(0);
    });
  });
}
