import { randomUUID } from 'node:crypto';
import { insertCustomer, insertInvoice, insertLandlord, insertLease, insertPortalUser, insertProperty } from '@portico/api/src/db/fixtures';
import { invoiceLines } from '@portico/api/src/db/schema/invoices';
import { landlords } from '@portico/api/src/db/schema/landlords';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, openPortalSection, VIEWPORTS, withDb } from './harness';

/**
 * Issue 11, seeds 001 and 004: a tenant's main administrator opens "Invoices", sees the unpaid
 * notice, opens it, sees its QR code, opens the PDF, and copies the payment details from "Pay".
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = 'a long private passphrase';

async function scenario() {
  const u = randomUUID().slice(0, 8);
  return withDb(async (db) => {
    const landlord = await insertLandlord(db, { name: `Notice Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    await db
      .update(landlords)
      .set({ orgNumber: '556677-8899', paymentAccounts: { bankgiro: '991-2346' } })
      .where(eq(landlords.id, landlord.id));
    const { units } = await insertProperty(
      db,
      { landlordId: landlord.id, name: `Avigatan ${u}`, street: 'Avigatan 1', postalCode: '411 04', city: 'Göteborg' },
      [{ number: '2', type: 'office', address: `Avigatan 1, plan 2 ${u}` }],
    );
    const email = `payer-${u}@e2e.test`;
    const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `Avico ${u} AB` }, [
      { name: 'Paula Payer', email },
    ]);
    const lease = await insertLease(db, {
      landlordId: landlord.id,
      customerId: customer.id,
      unitId: units[0]!.id,
      number: `N-${u}`,
      validFrom: '2025-01-01',
    });
    await insertPortalUser(db, { email, name: 'Paula Payer', password: PASSWORD }, [
      { landlordId: landlord.id, customerId: customer.id, contactId: contacts[0]!.id, role: 'main_admin' },
    ]);
    const notice = await insertInvoice(db, {
      landlordId: landlord.id,
      customerId: customer.id,
      leaseId: lease.id,
      status: 'unpaid',
      period: '2099-03',
      dueDate: '2099-02-26',
      totalMinor: 845_000,
    });
    await db.insert(invoiceLines).values({
      landlordId: landlord.id,
      invoiceId: notice.id,
      position: 1,
      kind: 'rent',
      description: 'Office rent',
      amountMinor: 845_000,
    });
    return { email, notice };
  });
}

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`the notice page at ${size} size`, () => {
    it('a main administrator opens the notices, a notice, its QR code and PDF, and copies the payment details', async () => {
      const s = await scenario();
      const context = await browser.newContext({ ...device, locale: 'en-GB' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.tenantUrl });
      const page = await context.newPage();
      await page.goto(`${env.tenantUrl}/login`);
      await page.getByLabel('E-mail or username').fill(s.email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/messages/);

      await openPortalSection(page, 'Invoices');
      await page.waitForURL(/\/invoices$/);
      await page.getByRole('navigation', { name: 'Notices and payments' }).waitFor();
      await expect.poll(() => page.getByRole('switch', { name: 'Show only unpaid' }).isChecked()).toBe(true);
      const row = page.getByRole('link', { name: 'Show the notice for March 2099' });
      await row.waitFor();
      await expectAccessible(page, `notice list (${size})`);

      await row.click();
      await page.waitForURL(new RegExp(`/invoices/${s.notice.id}$`));
      await page.getByRole('heading', { level: 1, name: 'March 2099' }).waitFor();
      await expect.poll(() => page.getByTestId('notice-reference').textContent()).toBe(s.notice.reference);
      const qr = page.getByRole('img', { name: `QR code for paying notice ${s.notice.number}` });
      await qr.waitFor();
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await expectAccessible(page, `notice page (${size})`);

      // "Open notice": the PDF in a new tab.
      const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open notice' }).click()]);
      await expect.poll(() => tab.url(), { timeout: 15_000 }).toMatch(/^blob:/);
      await tab.close();

      // "Pay": the bankgiro and the OCR reference, each with a copy button.
      await page.getByRole('button', { name: 'Pay', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Pay notice ${s.notice.number}` });
      await dialog.waitFor();
      await expect.poll(() => dialog.getByRole('textbox', { name: 'OCR reference' }).inputValue()).toBe(s.notice.reference);
      await expect.poll(() => dialog.getByRole('textbox', { name: 'Bankgiro' }).inputValue()).toBe('991-2346');
      await expectAccessible(page, `pay dialog (${size})`);
      await dialog.getByRole('button', { name: 'Copy: OCR reference' }).click();
      await dialog.getByRole('button', { name: 'Copied: OCR reference' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(s.notice.reference);
      await context.close();
    });
  });
}
