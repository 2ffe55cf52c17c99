import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, makeScenario, PHOTO, STAFF_PASSWORD, VIEWPORTS, waitForMail } from './harness';

/**
 * Seed 000's first flow, as people would walk it: staff write to a tenant who has no portal
 * user → the invitation arrives by e-mail → the tenant registers, reads, answers with a photo →
 * staff see the answer and got an e-mail about it.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function visible(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`messaging at ${size} size`, () => {
    let staffContext: BrowserContext;
    let tenantContext: BrowserContext;
    afterAll(async () => {
      await staffContext?.close();
      await tenantContext?.close();
    });

    it('staff invite by message, the tenant registers and answers with a photo, staff read it', async () => {
      const s = await makeScenario();
      const subject = `Water off on Thursday ${s.u}`;

      // --- Staff write to the customer from the customer page ---
      staffContext = await browser.newContext({ ...device, locale: 'en-GB' });
      const staff = await staffContext.newPage();
      await staff.goto(`${env.adminUrl}/login`);
      await expectAccessible(staff, 'console login');
      await staff.getByLabel('E-mail').fill(s.staff.email);
      await staff.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
      await staff.getByRole('button', { name: 'Sign in' }).click();
      await staff.waitForURL(/\/messages/);
      await expectAccessible(staff, 'console messages');

      await staff.goto(`${env.adminUrl}/customers/${s.customer.id}`);
      await visible(staff, s.tenantEmail);
      await expectAccessible(staff, 'console customer');
      await staff
        .getByRole('link', { name: 'Write message' })
        .or(staff.getByRole('button', { name: 'Write message' }))
        .first()
        .click();
      await staff.waitForURL(/\/messages\/new/);
      await expect.poll(() => staff.getByLabel('Customer', { exact: true }).inputValue(), { timeout: 10_000 }).toBe(s.customer.name);
      const lease = staff
        .getByRole('textbox', { name: 'Lease' })
        .or(staff.getByRole('combobox', { name: 'Lease' }))
        .first();
      if ((await lease.inputValue().catch(() => '')) === '') {
        await lease.click();
        await staff.getByRole('option').first().click();
      }
      await staff.getByLabel('Subject').fill(subject);
      await staff.getByRole('textbox', { name: 'Message' }).fill('The water is off Thursday 9–12.\nSorry for the trouble.');
      await expectAccessible(staff, 'console compose');
      await staff.getByRole('button', { name: 'Send' }).click();
      await staff.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
      await visible(staff, 'The water is off Thursday 9–12.');
      await expectAccessible(staff, 'console thread');

      // --- The invitation arrives with the text of the message ---
      const invitation = await waitForMail(s.tenantEmail, (m) => m.subject.includes(subject));
      expect(invitation.text).toContain('The water is off Thursday 9–12.');
      const link = invitation.text.match(/https?:\/\/\S+\/invitation\/[\w-]+/)?.[0];
      expect(link).toBeTruthy();

      // --- The tenant registers and lands in the thread ---
      tenantContext = await browser.newContext({ ...device, locale: 'en-GB' });
      const tenant = await tenantContext.newPage();
      await tenant.goto(link!);
      await visible(tenant, s.landlord.name);
      await expectAccessible(tenant, 'portal invitation');
      await tenant.getByLabel('Your name').fill('Tess Tenant');
      await tenant.getByLabel('Password', { exact: true }).fill('a long and private passphrase');
      await tenant.getByLabel('Confirm password').fill('a long and private passphrase');
      await tenant.getByRole('button', { name: 'Create account' }).click();
      await tenant.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
      await visible(tenant, 'The water is off Thursday 9–12.');
      await expectAccessible(tenant, 'portal thread');

      // --- and answers with a photo ---
      await tenant.getByLabel('Attachments').setInputFiles({ name: 'kitchen.png', mimeType: 'image/png', buffer: PHOTO });
      await visible(tenant, 'kitchen.png');
      await tenant.getByRole('textbox', { name: 'Message' }).fill('Thanks! Here is the tap that drips.');
      await tenant.getByRole('button', { name: 'Reply' }).click();
      await visible(tenant, 'Thanks! Here is the tap that drips.');
      await tenant
        .getByRole('link', { name: /Messages/ })
        .first()
        .click();
      await tenant.getByRole('tab', { name: /Sent/ }).click();
      await visible(tenant, subject);
      await expectAccessible(tenant, 'portal messages');

      // --- Staff see the answer in the inbox, unread, with the photo ---
      await staff.goto(`${env.adminUrl}/messages`);
      const row = staff.getByRole('link', { name: new RegExp(subject) }).first();
      await row.waitFor({ timeout: 15_000 });
      await expect.poll(async () => ((await staff.locator('main').textContent()) ?? '').includes('Unread'), { timeout: 35_000 }).toBe(true);
      await row.click();
      await visible(staff, 'Thanks! Here is the tap that drips.');
      await visible(staff, 'kitchen.png');
      await expectAccessible(staff, 'console thread with reply');

      // --- and were e-mailed about it, with a link straight to the thread ---
      const notice = await waitForMail(s.staff.email, (m) => m.text.includes('Thanks! Here is the tap that drips.'));
      expect(notice.text).toContain(staff.url().replace(/^https?:\/\/[^/]+/, ''));
    });
  });
}
