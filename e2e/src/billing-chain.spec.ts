import { randomUUID } from 'node:crypto';
import { insertCustomer, insertLandlord, insertLease, insertPortalUser, insertProperty, insertStaff } from '@portico/api/src/db/fixtures';
import { invoices } from '@portico/api/src/db/schema/invoices';
import { landlords } from '@portico/api/src/db/schema/landlords';
import { leaseRentLines } from '@portico/api/src/db/schema/leases';
import { portalUsers } from '@portico/api/src/db/schema/portal-users';
import { buildBgmax } from '@portico/api/src/modules/payments/bgmax-fixture';
import { uniquePersonalNumber } from '@portico/api/test/helpers';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, openPortalSection, STAFF_PASSWORD, signInConsole, VIEWPORTS, withDb } from './harness';

/**
 * Issue 11's whole chain, as the people do it: finance bills March, the tenant's main administrator
 * signs in with BankID (the landlord demands it for invoices), opens the notice with its QR code and
 * PDF and "pays" with the OCR reference; finance imports Bankgirot's BgMax file carrying that
 * payment; the tenant sees the notice paid, with the date.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = 'a long private passphrase';

async function scenario() {
  const u = randomUUID().slice(0, 8);
  const ssn = uniquePersonalNumber();
  return withDb(async (db) => {
    const landlord = await insertLandlord(db, { name: `Chain Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    await db
      .update(landlords)
      .set({ orgNumber: '556677-8899', paymentAccounts: { bankgiro: '991-2346' }, invoicesRequireStrongAuth: true })
      .where(eq(landlords.id, landlord.id));
    const { units } = await insertProperty(
      db,
      { landlordId: landlord.id, name: `Kedjegatan ${u}`, street: 'Kedjegatan 1', postalCode: '411 04', city: 'Göteborg' },
      [{ number: '1', type: 'office', address: `Kedjegatan 1 ${u}` }],
    );
    const email = `chain-${u}@e2e.test`;
    const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `Kedjan ${u} AB` }, [
      { name: 'Karl Kedja', email },
    ]);
    const lease = await insertLease(db, {
      landlordId: landlord.id,
      customerId: customer.id,
      unitId: units[0]!.id,
      number: `K-${u}`,
      validFrom: '2025-01-01',
    });
    await db
      .insert(leaseRentLines)
      .values({ landlordId: landlord.id, leaseId: lease.id, position: 0, kind: 'rent', description: 'Lokalhyra', amountMinor: 845_000 });
    const user = await insertPortalUser(db, { email, name: 'Karl Kedja', password: PASSWORD }, [
      { landlordId: landlord.id, customerId: customer.id, contactId: contacts[0]!.id, role: 'main_admin' },
    ]);
    await db.update(portalUsers).set({ identityNumber: ssn, identityVerifiedAt: new Date() }).where(eq(portalUsers.id, user.id));
    const finance = await insertStaff(db, {
      landlordId: landlord.id,
      email: `finance-${u}@e2e.test`,
      name: 'Fia Finance',
      role: 'finance',
      password: STAFF_PASSWORD,
    });
    return { u, ssn, landlord, lease, finance };
  });
}

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`billing end to end at ${size} size`, () => {
    const contexts: BrowserContext[] = [];
    afterAll(async () => {
      for (const c of contexts) await c.close();
    });

    it('finance bills March, the tenant pays by OCR, the BgMax import marks the notice paid', async () => {
      const s = await scenario();
      const staffContext = await browser.newContext({ ...device, locale: 'en-GB' });
      const tenantContext = await browser.newContext({ ...device, locale: 'en-GB' });
      contexts.push(staffContext, tenantContext);

      // Finance runs March's billing from the console.
      const staff = await staffContext.newPage();
      await signInConsole(staff, s.finance.email);
      await staff.waitForURL(/\/messages/);
      await staff.goto(`${env.adminUrl}/billing/runs`);
      await staff.getByRole('heading', { level: 1, name: 'Billing runs' }).waitFor();
      await staff.getByLabel('Month').fill('2027-03');
      await staff.getByRole('button', { name: 'Preview' }).click();
      await staff.getByText('1 notice would be created for March 2027.').waitFor();
      await staff.getByRole('button', { name: 'Create 1 notice' }).click();
      await staff.getByText('Billing run done').waitFor();
      const [notice] = await withDb((db) =>
        db
          .select()
          .from(invoices)
          .where(and(eq(invoices.landlordId, s.landlord.id), eq(invoices.leaseId, s.lease.id))),
      );
      expect(notice?.reference).toBeTruthy();

      // The tenant's main administrator signs in with BankID and opens the notice.
      const tenant = await tenantContext.newPage();
      await tenant.goto(`${env.tenantUrl}/login`);
      // The sign-in page is prerendered: a click before hydration does nothing, so click until the broker answers.
      await expect
        .poll(
          async () => {
            if (tenant.url().startsWith(env.tenantUrl)) await tenant.getByRole('button', { name: 'Sign in with BankID' }).click();
            return tenant.getByLabel('Personal identity number').isVisible();
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBe(true);
      await tenant.getByLabel('Personal identity number').fill(s.ssn);
      await tenant.getByLabel('Name').fill('Karl Kedja');
      await tenant.getByRole('button', { name: 'Sign in' }).click();
      await tenant.waitForURL(new RegExp(`^${env.tenantUrl}/messages`));
      await openPortalSection(tenant, 'Invoices');
      await tenant.getByRole('link', { name: 'Show the notice for March 2027' }).click();
      await tenant.getByRole('heading', { level: 1, name: 'March 2027' }).waitFor();
      const qr = tenant.getByRole('img', { name: `QR code for paying notice ${notice!.number}` });
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const [pdf] = await Promise.all([tenantContext.waitForEvent('page'), tenant.getByRole('button', { name: 'Open notice' }).click()]);
      await expect.poll(() => pdf.url(), { timeout: 15_000 }).toMatch(/^blob:/);
      await pdf.close();
      await tenant.getByRole('button', { name: 'Pay', exact: true }).click();
      const pay = tenant.getByRole('dialog', { name: `Pay notice ${notice!.number}` });
      await expect.poll(() => pay.getByRole('textbox', { name: 'OCR reference' }).inputValue()).toBe(notice!.reference);
      await expect.poll(() => pay.getByRole('textbox', { name: 'Bankgiro' }).inputValue()).toBe('991-2346');
      await expectAccessible(tenant, `pay dialog in the chain (${size})`);
      await tenant.keyboard.press('Escape');

      // The bank pays it; Bankgirot's file reaches finance, who imports it.
      const file = buildBgmax({
        payeeBankgiro: '991-2346',
        deposits: [
          {
            date: '2027-02-25',
            payments: [{ reference: notice!.reference!, code: 2, amountMinor: 845_000, serial: `${Date.now()}`.slice(-12) }],
          },
        ],
        stamp: `20270225${`${Date.now()}`.slice(-12)}`,
      });
      await staff.goto(`${env.adminUrl}/billing/imports`);
      await staff.getByRole('heading', { level: 1, name: 'Payment file imports' }).waitFor();
      await staff
        .locator('input[type="file"]')
        .setInputFiles({ name: 'BGMAX.txt', mimeType: 'text/plain', buffer: Buffer.from(file, 'latin1') });
      await staff.getByRole('button', { name: 'Import', exact: true }).click();
      await expect
        .poll(async () => (await withDb((db) => db.select().from(invoices).where(eq(invoices.id, notice!.id))))[0]?.status)
        .toBe('paid');

      // The tenant sees the notice paid, with the day the money came in, and no Pay button.
      await tenant.reload();
      await tenant.getByRole('heading', { level: 1, name: 'March 2027' }).waitFor();
      await tenant.locator('time[datetime="2027-02-25"]').first().waitFor();
      expect(await tenant.getByRole('button', { name: 'Pay', exact: true }).count()).toBe(0);
      await expectAccessible(tenant, `paid notice (${size})`);
    });
  });
}
