import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, makeScenario, STAFF_PASSWORD, VIEWPORTS, waitForMail } from './harness';

/**
 * Issue 9: a manager enters a company customer from the console — the organisation number is
 * checked as it is typed — adds its contact person, corrects the contact's e-mail, and invites
 * them to the portal: the invitation arrives at the corrected address.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const CSRF = { 'x-portico-csrf': '1' };

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`customers in the console at ${size} size`, () => {
    let context: BrowserContext;
    afterAll(async () => {
      await context?.close();
    });

    it('creates a company with a contact, changes the contact’s e-mail and invites them', async () => {
      const s = await makeScenario();
      context = await browser.newContext({ ...device, locale: 'en-GB' });
      const login = await context.request.post(`${env.adminUrl}/api/v1/auth/staff/login`, {
        data: { email: s.staff.email, password: STAFF_PASSWORD },
        headers: CSRF,
      });
      expect(login.status()).toBe(200);
      const page = await context.newPage();
      const company = `Bageriet ${s.u} AB`;
      const first = `ida-${s.u}@old.e2e.test`;
      const corrected = `ida-${s.u}@bageriet.e2e.test`;

      await page.goto(`${env.adminUrl}/customers`);
      await page.getByRole('link', { name: 'New customer' }).click();
      await page.getByRole('heading', { name: 'New customer' }).waitFor();
      await page.getByRole('radio', { name: 'Company' }).check();
      await page.getByLabel('Company name').fill(company);
      // A wrong check digit is refused as it is typed, with the shared contract's message.
      const orgNumber = page.getByLabel('Organisation number');
      await orgNumber.fill('802005-1953');
      await orgNumber.blur();
      await page.getByText('This is not a valid personal identity number').waitFor();
      await orgNumber.fill('802005-1952');
      await expect(page.getByText('This is not a valid personal identity number').count()).resolves.toBe(0);
      await page.getByLabel('Mobile').fill('070-123 45 67');
      await expectAccessible(page, `new customer form (${size})`);
      await page.getByRole('button', { name: 'Create customer' }).click();

      await page.getByRole('heading', { level: 1, name: company }).waitFor();
      await page.getByText('8020051952').waitFor();
      await page.getByText('+46701234567').waitFor();

      await page.getByRole('button', { name: 'Add contact person' }).click();
      const add = page.getByRole('form', { name: 'New contact person' });
      await add.getByLabel('Name').fill(`Ida Ek ${s.u}`);
      await add.getByLabel('E-mail address').fill(first);
      await add.getByLabel('Mobile').fill('073 000 00 00');
      await add.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText(first).waitFor();

      await page.getByRole('button', { name: `Edit Ida Ek ${s.u}` }).click();
      const edit = page.getByRole('form', { name: `Edit Ida Ek ${s.u}` });
      await edit.getByLabel('E-mail address').fill(corrected);
      await edit.getByRole('button', { name: 'Save' }).click();
      await page.getByText(corrected).waitFor();
      await expect(page.getByText(first).count()).resolves.toBe(0);
      await expectAccessible(page, `customer page (${size})`);

      await page.getByRole('button', { name: 'Invite', exact: true }).click();
      await page.getByText(`Invitation sent to ${corrected}`).waitFor();
      const mail = await waitForMail(corrected);
      expect(mail.text).toContain('/invitation/');
      // The contact's changes are in its history.
      await page.getByRole('button', { name: 'Show history' }).first().click();
      await page.getByText('Changed').first().waitFor();
    });
  });
}
