import { insertStaff } from '@portico/api/src/db/fixtures';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, makeScenario, STAFF_PASSWORD, VIEWPORTS, withDb } from './harness';

/**
 * Issue 12 §4: an admin sets a colleague's phone on the staff page; a manager puts a colleague on a property's team in the console, with the role they
 * have there; after a reload the team shows in order with phone and e-mail — desktop and phone.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const CSRF = { 'x-portico-csrf': '1' };

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`property team at ${size} size`, () => {
    let context: BrowserContext;
    afterAll(async () => {
      await context?.close();
    });

    it('a manager adds a colleague with a title, saves, and the team shows after a reload', async () => {
      const s = await makeScenario();
      const [colleague, admin] = await withDb((db) =>
        Promise.all(
          (
            [
              ['cole', `Cole Caretaker ${s.u}`, 'technician'],
              ['ada', `Ada Admin ${s.u}`, 'admin'],
            ] as const
          ).map(([who, name, role]) =>
            insertStaff(db, { landlordId: s.landlord.id, email: `${who}-${s.u}@e2e.test`, name, role, password: STAFF_PASSWORD }),
          ),
        ),
      );

      // An admin gives the colleague a phone on the staff page (a wrong number is explained first).
      const adminContext = await browser.newContext({ ...device, locale: 'en-GB' });
      expect(
        (
          await adminContext.request.post(`${env.adminUrl}/api/v1/auth/staff/login`, {
            data: { email: admin!.email, password: STAFF_PASSWORD },
            headers: CSRF,
          })
        ).status(),
      ).toBe(200);
      const adminPage = await adminContext.newPage();
      await adminPage.goto(`${env.adminUrl}/staff/${colleague!.id}`);
      await adminPage.getByRole('heading', { name: colleague!.name }).waitFor();
      await adminPage.getByRole('textbox', { name: 'Phone' }).fill('call me');
      await adminPage.getByRole('button', { name: 'Save phone' }).click();
      await adminPage.getByText('Enter a phone number').waitFor();
      await adminPage.getByRole('textbox', { name: 'Phone' }).fill('+46 31-12 34 56');
      await adminPage.getByRole('button', { name: 'Save phone' }).click();
      await adminPage.getByText('The phone number has been saved.').waitFor();
      await adminPage.getByText('Phone: +46 31-12 34 56').waitFor();
      await expectAccessible(adminPage, `staff page with phone (${size})`);
      await adminContext.close();

      context = await browser.newContext({ ...device, locale: 'en-GB' });
      const login = await context.request.post(`${env.adminUrl}/api/v1/auth/staff/login`, {
        data: { email: s.staff.email, password: STAFF_PASSWORD },
        headers: CSRF,
      });
      expect(login.status()).toBe(200);
      const page = await context.newPage();

      await page.goto(`${env.adminUrl}/properties`);
      await page.getByRole('link', { name: 'Testvägen 3' }).click();
      await page.getByRole('heading', { level: 1, name: 'Testvägen 3' }).waitFor();
      const team = page.getByRole('region', { name: 'Team' });
      await team.getByText('No one is on the team yet.').waitFor();

      await team.getByRole('button', { name: 'Edit team' }).click();
      await team.getByRole('combobox', { name: 'Add a colleague' }).selectOption({ label: colleague!.name });
      await team.getByRole('button', { name: 'Add', exact: true }).click();
      await team.getByRole('combobox', { name: 'Add a colleague' }).selectOption({ label: s.staff.name });
      await team.getByRole('button', { name: 'Add', exact: true }).click();
      await team.getByRole('textbox', { name: `Role at the property for ${colleague!.name}` }).fill('Caretaker');
      // The manager goes first: up, then the colleague is second.
      await team.getByRole('button', { name: `Move ${s.staff.name} up` }).click();
      await expectAccessible(page, `team editor (${size})`);
      await team.getByRole('button', { name: 'Save team' }).click();
      await team.getByText('The team has been saved.').waitFor();

      await page.reload();
      const list = page.getByRole('list', { name: 'Team' });
      await list.getByText(colleague!.name).waitFor();
      const items = await list.getByRole('listitem').allInnerTexts();
      expect(items).toHaveLength(2);
      expect(items[0]).toContain(s.staff.name);
      expect(items[1]).toContain(`${colleague!.name} · Caretaker`);
      expect(items[1]).toContain('+46 31-12 34 56');
      expect(items[1]).toContain(colleague!.email);
      await expectAccessible(page, `property team (${size})`);
    });
  });
}
