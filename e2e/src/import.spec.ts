import { randomUUID } from 'node:crypto';
import { insertLandlord, insertStaff } from '@portico/api/src/db/fixtures';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, STAFF_PASSWORD, VIEWPORTS, waitForMail, withDb } from './harness';

/**
 * Issue 9's import flow as an admin walks it: templates, upload, column mapping, dry run, commit —
 * properties, 200 units, 200 customers and 200 leases from spreadsheets — then a message to one of
 * the imported tenants, whose invitation arrives by e-mail.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function newAdmin() {
  const u = randomUUID().slice(0, 8);
  return withDb(async (db) => {
    const landlord = await insertLandlord(db, { name: `Import Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    const admin = await insertStaff(db, {
      landlordId: landlord.id,
      email: `admin-${u}@e2e.test`,
      name: `Ada Admin ${u}`,
      role: 'admin',
      password: STAFF_PASSWORD,
    });
    return { u, landlord, admin };
  });
}

async function signInAs(context: BrowserContext, email: string) {
  const page = await context.newPage();
  await page.goto(`${env.adminUrl}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/messages/);
  return page;
}

const csv = (rows: (string | number)[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`);

/** Upload → (the suggested mapping is complete) → dry run → import, all from the console. */
async function importFile(page: Page, kind: string, name: string, data: Buffer, rows: number) {
  await page.goto(`${env.adminUrl}/imports`);
  await page.getByLabel('What the file holds').selectOption(kind);
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: data });
  await page.getByRole('button', { name: 'Upload and map columns' }).click();
  await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: `Import: ${name}` }).waitFor();
  await page.getByRole('button', { name: 'Check (dry run)' }).click();
  await page.getByText('Ready to import').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: `Import ${rows} ${rows === 1 ? 'row' : 'rows'}` }).click();
  await page.getByText('Imported', { exact: true }).first().waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByText(`${rows} created, 0 updated, 0 unchanged, 0 with errors`).count()).toBeGreaterThan(0);
}

describe('spreadsheet import', () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it('the import page at phone size: template links, upload, unknown column mapped away, a bad row reported', async () => {
    const { admin } = await newAdmin();
    context = await browser.newContext({ ...VIEWPORTS.phone, locale: 'en-GB' });
    const page = await signInAs(context, admin.email);
    await page.goto(`${env.adminUrl}/imports`);
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    await expectAccessible(page, 'console imports');
    const template = await page.request.get(`${env.adminUrl}/api/v1/imports/templates/units?format=csv`);
    expect(await template.text()).toContain('Unit number');

    await page.getByLabel('What the file holds').selectOption('properties');
    const file = csv([
      ['Property id', 'Property name', 'Street address', 'Postal code', 'City', 'Colour'],
      ['P-1', 'Birch House', 'Storgatan 1', '753 20', 'Uppsala', 'red'],
      ['P-2', 'Oak Court', 'Kungsgatan 2', '75', 'Uppsala', 'blue'],
    ]);
    await page.locator('input[type="file"]').setInputFiles({ name: 'props.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: 'Upload and map columns' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await page.getByText('Columns not mapped or ignored yet').waitFor();
    await expectAccessible(page, 'console import (mapping)');
    await page.getByLabel('Colour').selectOption('__ignore__');
    await page.getByRole('button', { name: 'Save columns' }).click();
    await expect.poll(() => page.getByText('Columns not mapped or ignored yet').count()).toBe(0);
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByText('Some rows have errors').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('cell', { name: 'Postal code' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Import 2 rows' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'console import (errors)');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  }, 120_000);

  it('an admin imports 200 leases with their units and customers, then writes to an imported tenant whose invitation arrives', async () => {
    const { u, admin } = await newAdmin();
    context = await browser.newContext({ ...VIEWPORTS.desktop, locale: 'en-GB' });
    const page = await signInAs(context, admin.email);
    const n = 200;
    const email = (i: number) => `tenant-${i}-${u}@e2e.test`;

    await importFile(
      page,
      'properties',
      'properties.csv',
      csv([
        ['Property id', 'Property name', 'Street address', 'Postal code', 'City'],
        ['P-1', 'Birch House', 'Storgatan 1', '753 20', 'Uppsala'],
      ]),
      1,
    );
    await importFile(
      page,
      'units',
      'units.csv',
      csv([
        ['Unit id', 'Property id', 'Unit number', 'Unit type', 'Address'],
        ...Array.from({ length: n }, (_, i) => [`U-${i}`, 'P-1', `${1000 + i}`, 'apartment', `Storgatan 1, apt ${1000 + i}`]),
      ]),
      n,
    );
    await importFile(
      page,
      'customers',
      'customers.csv',
      csv([
        ['Customer id', 'Customer type', 'Name', 'Contact e-mail', 'Contact language'],
        ...Array.from({ length: n }, (_, i) => [`C-${i}`, 'person', `Tenant ${i} ${u}`, email(i), 'English']),
      ]),
      n,
    );
    await importFile(
      page,
      'leases',
      'leases.csv',
      csv([
        ['Lease id', 'Lease number', 'Lease type', 'Customer id', 'Unit ids', 'Valid from', 'Rent'],
        ...Array.from({ length: n }, (_, i) => [
          `L-${i}`,
          `HA-26-${String(i).padStart(4, '0')}`,
          'residential',
          `C-${i}`,
          `U-${i}`,
          '2026-01-01',
          '8 450,00',
        ]),
      ]),
      n,
    );
    await expectAccessible(page, 'console import (committed)');

    // The past imports list shows all four.
    await page.goto(`${env.adminUrl}/imports`);
    await expect.poll(() => page.getByText('leases.csv').count()).toBeGreaterThan(0);

    // Write to tenant 42 from the console: the invitation (the message itself) arrives.
    const name = `Tenant 42 ${u}`;
    await page.goto(`${env.adminUrl}/customers?q=${encodeURIComponent(name)}`);
    await page.getByRole('link', { name }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    await page.getByText(email(42)).first().waitFor();
    await page
      .getByRole('link', { name: 'Write message' })
      .or(page.getByRole('button', { name: 'Write message' }))
      .first()
      .click();
    await page.waitForURL(/\/messages\/new/);
    const lease = page
      .getByRole('textbox', { name: 'Lease' })
      .or(page.getByRole('combobox', { name: 'Lease' }))
      .first();
    if ((await lease.inputValue().catch(() => '')) === '') {
      await lease.click();
      await page.getByRole('option').first().click();
    }
    const subject = `Welcome to the portal ${u}`;
    await page.getByLabel('Subject').fill(subject);
    await page.getByRole('textbox', { name: 'Message' }).fill('Your lease is now in our portal.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const mail = await waitForMail(email(42), (m) => m.subject.includes(subject), 30_000);
    expect(mail.text).toContain('Your lease is now in our portal.');
    expect(mail.text).toMatch(/\/invitation\/[\w-]+/);
  }, 300_000);
});
