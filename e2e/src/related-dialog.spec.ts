import { randomUUID } from 'node:crypto';
import { insertCustomer, insertLandlord, insertLease, insertPortalUser, insertProperty, insertStaff } from '@portico/api/src/db/fixtures';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, STAFF_PASSWORD, VIEWPORTS, withDb } from './harness';

/**
 * Seed 001's related case sent to a whole property is one dialog per receiving customer: staff
 * answer one customer alone from the console, and each tenant sees the landlord's broadcast and
 * their own dialog — never a neighbour's reply.
 */
const PASSWORD = 'e2e tenant passphrase 2026';
const CSRF = { 'x-portico-csrf': '1' };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function scenario() {
  return withDb(async (db) => {
    const u = randomUUID().slice(0, 8);
    const landlord = await insertLandlord(db, { name: `Dialog Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    const staff = await insertStaff(db, {
      landlordId: landlord.id,
      email: `staff-${u}@e2e.test`,
      name: `Sam Staff ${u}`,
      role: 'manager',
      password: STAFF_PASSWORD,
    });
    const { property, units } = await insertProperty(
      db,
      { landlordId: landlord.id, name: `Bryggan ${u}`, street: 'Bryggan 2', postalCode: '411 02', city: 'Göteborg' },
      [
        { number: '1201', type: 'apartment', address: 'Bryggan 2, lgh 1201' },
        { number: '1202', type: 'apartment', address: 'Bryggan 2, lgh 1202' },
      ],
    );
    const tenants = [];
    for (const [i, name] of [`Alma ${u}`, `Bo ${u}`].entries()) {
      const email = `tenant${i}-${u}@e2e.test`;
      const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'person', name }, [{ name, email }]);
      await insertLease(db, {
        landlordId: landlord.id,
        customerId: customer.id,
        unitId: units[i]!.id,
        number: `D-${u}-${i}`,
        validFrom: '2025-01-01',
      });
      await insertPortalUser(db, { email, name, password: PASSWORD }, [
        { landlordId: landlord.id, customerId: customer.id, contactId: contacts[0]!.id, role: 'main_admin' },
      ]);
      tenants.push({ name, email, customerId: customer.id });
    }
    return { u, staff, property, alma: tenants[0]!, bo: tenants[1]! };
  });
}

async function post(request: APIRequestContext, url: string, data: unknown) {
  const res = await request.post(url, { data, headers: CSRF });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function tenantPage(size: keyof typeof VIEWPORTS, email: string): Promise<Page> {
  const page = await (await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' })).newPage();
  await page.goto(`${env.tenantUrl}/login`);
  await page.getByLabel('E-mail or username').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/messages/);
  return page;
}

for (const size of ['desktop', 'phone'] as const) {
  describe(`a property-wide related case at ${size} size`, () => {
    it('staff answer one recipient alone; each tenant sees the broadcast and only their own dialog', async () => {
      const s = await scenario();
      const title = `Water off on Thursday ${s.u}`;
      const almaAsks = `Will the laundry room work too? ${s.u}`;
      const answerToAlma = `Yes, the laundry room is on another pipe, Alma. ${s.u}`;

      // --- Staff inform the whole property; Alma answers through the portal ---
      const staffPage = await (await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' })).newPage();
      await post(staffPage.request, `${env.adminUrl}/api/v1/auth/staff/login`, { email: s.staff.email, password: STAFF_PASSWORD });
      const related = await post(staffPage.request, `${env.adminUrl}/api/v1/cases/related`, {
        title,
        description: 'The water is turned off between 9 and 12.',
        propertyId: s.property.id,
      });
      const alma = await tenantPage(size, s.alma.email);
      await post(alma.request, `${env.tenantUrl}/api/v1/portal/cases/${related.id}/replies`, { body: almaAsks });

      // --- Staff see whose dialog the reply is in and answer Alma alone ---
      await staffPage.goto(`${env.adminUrl}/cases/${related.id}`);
      await staffPage.getByText(almaAsks).waitFor();
      await expect.poll(() => staffPage.getByText(`with ${s.alma.name} only`).count()).toBeGreaterThan(0);
      await staffPage.getByLabel('Reply to').selectOption({ label: s.alma.name });
      await staffPage.getByLabel('Message').fill(answerToAlma);
      await expectAccessible(staffPage, 'related case with the audience select');
      await staffPage.getByRole('button', { name: 'Add', exact: true }).click();
      await staffPage.getByText('Your reply has been added').waitFor();
      await expect.poll(() => staffPage.getByText(`with ${s.alma.name} only`).count()).toBe(2);

      // --- Alma sees her dialog; Bo sees the broadcast and nothing of Alma's ---
      await alma.goto(`${env.tenantUrl}/cases/${related.id}`);
      await alma.getByText(answerToAlma).waitFor();
      await alma.getByText(almaAsks).waitFor();
      const bo = await tenantPage(size, s.bo.email);
      await bo.goto(`${env.tenantUrl}/cases/${related.id}`);
      await bo.getByText('The water is turned off between 9 and 12.').waitFor();
      await expectAccessible(bo, 'related case (other recipient)');
      expect(await bo.getByText(almaAsks).count()).toBe(0);
      expect(await bo.getByText(answerToAlma).count()).toBe(0);

      for (const page of [staffPage, alma, bo]) await page.context().close();
    });
  });
}
