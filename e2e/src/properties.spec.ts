import { randomUUID } from 'node:crypto';
import { insertStaff } from '@portico/api/src/db/fixtures';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, makeScenario, STAFF_PASSWORD, VIEWPORTS, withDb } from './harness';

/**
 * Issue 9: an admin puts a property into Portico from the console — creates it with a unit, edits
 * it and sees who changed what in its history — at desktop and phone size.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const CSRF = { 'x-portico-csrf': '1' };

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`properties at ${size} size`, () => {
    let context: BrowserContext;
    afterAll(async () => {
      await context?.close();
    });

    it('an admin creates a property with a unit, edits it and sees the history', async () => {
      const s = await makeScenario();
      const u = randomUUID().slice(0, 6);
      const admin = await withDb((db) =>
        insertStaff(db, {
          landlordId: s.landlord.id,
          email: `admin-${u}@e2e.test`,
          name: `Ada Admin ${u}`,
          role: 'admin',
          password: STAFF_PASSWORD,
        }),
      );
      context = await browser.newContext({ ...device, locale: 'en-GB' });
      const login = await context.request.post(`${env.adminUrl}/api/v1/auth/staff/login`, {
        data: { email: admin.email, password: STAFF_PASSWORD },
        headers: CSRF,
      });
      expect(login.status()).toBe(200);
      const page = await context.newPage();

      // The nav leads to the list; the scenario's property is there.
      await page.goto(`${env.adminUrl}/messages`);
      await page.getByRole('link', { name: 'Properties' }).click();
      await page.getByRole('heading', { level: 1, name: 'Properties' }).waitFor();
      await page.getByRole('link', { name: 'Testvägen 3' }).waitFor();
      await expectAccessible(page, `property list (${size})`);

      // Create.
      await page.getByRole('link', { name: 'New property' }).click();
      await page.getByRole('heading', { level: 1, name: 'New property' }).waitFor();
      const name = `Heden ${u}`;
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
      await page.getByRole('textbox', { name: 'Designation' }).fill('Göteborg Heden 12:3');
      await page.getByRole('textbox', { name: 'Street' }).fill('Hedsgatan 4');
      // A Danish postal code is no Swedish one: the field says so.
      await page.getByRole('textbox', { name: 'Postal code' }).fill('2100');
      await page.getByRole('textbox', { name: 'City' }).fill('Göteborg');
      await page.getByRole('button', { name: 'Create property' }).click();
      await page.getByText('That is not a postal code of this country').waitFor();
      await page.getByRole('textbox', { name: 'Postal code' }).fill('41106');
      await page.getByRole('textbox', { name: 'City' }).fill('Göteborg');
      await page.getByRole('textbox', { name: 'Year built' }).fill('1912');
      await page.getByRole('button', { name: 'Add a fact' }).click();
      await page.getByRole('textbox', { name: 'Fact 1' }).fill('Lift');
      await page.getByRole('textbox', { name: 'Value 1' }).fill('Yes');
      await page.getByRole('textbox', { name: 'Area information' }).fill('Waste collection on Tuesdays.');
      await page.getByRole('combobox', { name: 'Property manager' }).selectOption({ label: s.staff.name });
      await page.getByRole('switch', { name: 'Portal pilot' }).check({ force: true });
      await expectAccessible(page, `property form (${size})`);
      await page.getByRole('button', { name: 'Create property' }).click();

      await page.waitForURL(/\/properties\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByText('Hedsgatan 4, 411 06 Göteborg').waitFor();
      await page.getByText('Portal pilot: on').waitFor();
      await page.getByText('Lift', { exact: true }).waitFor();

      // A unit, from the property's page.
      await page.getByRole('button', { name: 'Add unit' }).click();
      const unitForm = page.getByRole('form', { name: 'New unit' });
      await unitForm.getByRole('textbox', { name: 'Number' }).fill(`H-${u}`);
      await unitForm.getByRole('combobox', { name: 'Type' }).selectOption('office');
      await unitForm.getByRole('textbox', { name: 'Address' }).fill('Hedsgatan 4, plan 2');
      await unitForm.getByRole('textbox', { name: 'Area (m²)' }).fill('120');
      await unitForm.getByRole('button', { name: 'Add unit' }).click();
      await unitForm.waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: new RegExp(`H-${u}`) });
      await row.waitFor();
      expect(await row.textContent()).toContain('Office');
      await page.getByRole('heading', { name: '1 unit' }).waitFor();
      // The same number again is refused on the number field.
      await page.getByRole('button', { name: 'Add unit' }).click();
      await unitForm.getByRole('textbox', { name: 'Number' }).fill(`H-${u}`);
      await unitForm.getByRole('textbox', { name: 'Address' }).fill('Hedsgatan 4, plan 3');
      await unitForm.getByRole('button', { name: 'Add unit' }).click();
      await unitForm.getByText('Another unit already has this number.').waitFor();
      await unitForm.getByRole('button', { name: 'Cancel' }).click();
      // Edit the unit in place.
      await page.getByRole('button', { name: `Edit unit H-${u}` }).click();
      const editForm = page.getByRole('form', { name: `Edit unit H-${u}` });
      await editForm.getByRole('textbox', { name: 'Area (m²)' }).fill('125');
      await editForm.getByRole('button', { name: 'Save' }).click();
      await editForm.waitFor({ state: 'detached' });
      await page.getByRole('row', { name: new RegExp(`H-${u}.*125`) }).waitFor();
      await expectAccessible(page, `property page (${size})`);

      // Edit.
      await page.getByRole('link', { name: 'Edit', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Edit ${name}` }).waitFor();
      await page.getByRole('textbox', { name: 'City' }).fill('Gothenburg');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/properties\/[0-9a-f-]{36}$/);
      await page.getByText('Hedsgatan 4, 411 06 Gothenburg').waitFor();

      // The history: who created it and what the edit changed.
      await page.getByRole('button', { name: 'Show history' }).click();
      await page.getByText('City: Göteborg → Gothenburg').waitFor();
      const entries = page.locator('section ol > li');
      expect(await entries.count()).toBe(2);
      expect(await entries.nth(0).textContent()).toContain(`Changed · Ada Admin ${u}`);
      expect(await entries.nth(1).textContent()).toContain(`Created · Ada Admin ${u}`);
      await expectAccessible(page, `property history (${size})`);

      // Finance reads the property but gets no edit buttons.
      const finance = await withDb((db) =>
        insertStaff(db, {
          landlordId: s.landlord.id,
          email: `finance-${u}@e2e.test`,
          name: `Fin ${u}`,
          role: 'finance',
          password: STAFF_PASSWORD,
        }),
      );
      const financeContext = await browser.newContext({ ...device, locale: 'en-GB' });
      try {
        const res = await financeContext.request.post(`${env.adminUrl}/api/v1/auth/staff/login`, {
          data: { email: finance.email, password: STAFF_PASSWORD },
          headers: CSRF,
        });
        expect(res.status()).toBe(200);
        const financePage = await financeContext.newPage();
        await financePage.goto(page.url());
        await financePage.getByRole('heading', { level: 1, name }).waitFor();
        await financePage.getByRole('row', { name: new RegExp(`H-${u}`) }).waitFor();
        expect(await financePage.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
        expect(await financePage.getByRole('button', { name: /Add unit|Archive|Add image/ }).count()).toBe(0);
      } finally {
        await financeContext.close();
      }

      // The list finds it by designation.
      await page.goto(`${env.adminUrl}/properties?q=Heden%2012`);
      await page.getByRole('link', { name }).waitFor();
    });
  });
}
