import { randomUUID } from 'node:crypto';
import { insertLandlord, insertStaff } from '@portico/api/src/db/fixtures';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, STAFF_PASSWORD, signInConsole, VIEWPORTS, waitForMail, withDb } from './harness';

/** Issue 9: an admin invites a colleague, who accepts from the e-mail and signs in. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const COLLEAGUE_PASSWORD = 'colleague passphrase 2026';

async function page(size: keyof typeof VIEWPORTS): Promise<Page> {
  const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' });
  return context.newPage();
}

/** The main navigation: on a phone it may sit behind a menu button, so go by the link's address when hidden. */
async function openStaff(p: Page) {
  const link = p.getByRole('link', { name: 'Staff', exact: true });
  if (await link.isVisible()) await link.click();
  else await p.goto(`${env.adminUrl}/staff`);
  await p.waitForURL(/\/staff$/);
}

describe.each(['desktop', 'phone'] as const)('inviting a colleague (%s)', (size) => {
  it('admin invites by e-mail; the colleague chooses a password from the link and is signed in', async () => {
    const u = randomUUID().slice(0, 8);
    const { admin } = await withDb(async (db) => {
      const landlord = await insertLandlord(db, { name: `Staff Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
      const admin = await insertStaff(db, {
        landlordId: landlord.id,
        email: `admin-${u}@staff.test`,
        name: `Admin ${u}`,
        role: 'admin',
        password: STAFF_PASSWORD,
      });
      return { landlord, admin };
    });
    const colleague = `colleague-${u}@staff.test`;

    const desk = await page(size);
    await signInConsole(desk, admin.email, STAFF_PASSWORD);
    await desk.waitForURL(/\/messages/);
    await openStaff(desk);
    await desk.getByRole('link', { name: `Admin ${u}` }).waitFor();
    await expectAccessible(desk, 'staff list');

    await desk.getByLabel('Name', { exact: true }).fill(`Colleague ${u}`);
    await desk.getByLabel('E-mail', { exact: true }).fill(colleague);
    await desk.getByLabel('Role', { exact: true }).first().selectOption({ label: 'Property manager' });
    await desk.getByRole('button', { name: 'Send invitation' }).click();
    await desk.getByText(`The invitation has been sent to ${colleague}.`).waitFor();
    const row = desk.getByRole('link', { name: `Colleague ${u}` });
    await row.waitFor();
    await row.click();
    await desk.getByText('Invited', { exact: true }).first().waitFor();
    await expectAccessible(desk, 'staff user page');

    // The e-mail, through the worker and the mail catcher.
    const mail = await waitForMail(colleague, (m) => m.subject.includes('Portico console'));
    const link = mail.text.match(/https?:\/\/\S+\/staff-invitation\/[\w-]+/)?.[0];
    expect(link, mail.text).toBeDefined();

    const other = await page(size);
    await other.goto(link!.replace(/^https?:\/\/[^/]+/, env.adminUrl));
    await other.getByRole('heading', { name: `Join Staff Homes ${u} in Portico` }).waitFor();
    await expectAccessible(other, 'staff invitation');
    await other.getByLabel('Password', { exact: true }).fill('short');
    await other.getByLabel('Repeat the password').fill('short');
    await other.getByRole('button', { name: 'Choose password and sign in' }).click();
    await other.getByRole('alert').first().waitFor();
    await other.getByLabel('Password', { exact: true }).fill(COLLEAGUE_PASSWORD);
    await other.getByLabel('Repeat the password').fill(COLLEAGUE_PASSWORD);
    await other.getByRole('button', { name: 'Choose password and sign in' }).click();
    // Signed in: a manager starts in the inbox, and has no Staff page.
    await other.waitForURL(/\/messages/);
    expect(await other.getByRole('link', { name: 'Staff', exact: true }).count()).toBe(0);

    // A fresh browser signs in with the chosen password.
    const later = await page(size);
    await signInConsole(later, colleague, COLLEAGUE_PASSWORD);
    await later.waitForURL(/\/messages/);

    // The admin sees the colleague as active.
    await desk.reload();
    await desk.getByText('Active', { exact: true }).first().waitFor();
    await desk.context().close();
    await other.context().close();
    await later.context().close();
  });
});

describe.each(['desktop', 'phone'] as const)('the landlord’s settings (%s)', (size) => {
  it('admin fills payment accounts, SMS sender, colour and links; wrong values are explained', async () => {
    const u = randomUUID().slice(0, 8);
    const admin = await withDb(async (db) => {
      const landlord = await insertLandlord(db, { name: `Settings Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
      return insertStaff(db, {
        landlordId: landlord.id,
        email: `set-${u}@staff.test`,
        name: `Set ${u}`,
        role: 'admin',
        password: STAFF_PASSWORD,
      });
    });
    const p = await page(size);
    await signInConsole(p, admin.email, STAFF_PASSWORD);
    await p.waitForURL(/\/messages/);
    await p.goto(`${env.adminUrl}/settings`);
    await p.getByLabel('Bankgiro').fill('991-2347');
    await p.getByLabel('Colour').fill('#ffcc00');
    await p.getByRole('button', { name: 'Save', exact: true }).click();
    await p.getByText('This colour is too light', { exact: false }).first().waitFor();
    await p.getByText('This is not a valid bankgiro number', { exact: false }).first().waitFor();
    await expectAccessible(p, 'settings with errors');

    await p.getByLabel('Bankgiro').fill('5402 9681');
    await p.getByLabel('Colour').fill('#1a5fb4');
    await p.getByLabel('SMS sender name').fill('StaffHomes');
    await p.getByRole('button', { name: 'Add link' }).click();
    await p.getByLabel('Title').fill('Laundry booking');
    await p.getByLabel('Address (https://…)').fill('https://example.se/laundry');
    await p.getByRole('button', { name: 'Save', exact: true }).click();
    await p.getByText('The settings have been saved.').waitFor();
    await p.reload();
    expect(await p.getByLabel('Bankgiro').inputValue()).toBe('5402-9681');
    expect(await p.getByLabel('SMS sender name').inputValue()).toBe('StaffHomes');
    expect(await p.getByLabel('Title').inputValue()).toBe('Laundry booking');
    await p.context().close();
  });
});
