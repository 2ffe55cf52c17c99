import { randomUUID } from 'node:crypto';
import { insertCustomer, insertLease, insertPortalUser, insertProperty } from '@portico/api/src/db/fixtures';
import { portalUsers } from '@portico/api/src/db/schema/portal-users';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, makeLandlordAdmin, signInConsole, VIEWPORTS, waitForSms, withDb } from './harness';

/**
 * Issue 12 §1 as people walk it (seed 002): staff publish an urgent disruption for one property in
 * the console; a tenant there gets the SMS, sees it on /operational-info and first thing in the
 * new-case form; a tenant of another property sees nothing of it.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = 'a long private passphrase';

async function scenario() {
  const u = randomUUID().slice(0, 8);
  const admin = await makeLandlordAdmin('Drift Homes', u);
  const mobile = `070${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const world = await withDb(async (db) => {
    const landlordId = admin.landlordId;
    const tenant = async (property: string, name: string, phone: string | null) => {
      const { property: p, units } = await insertProperty(
        db,
        { landlordId, name: property, street: `${property} 1`, postalCode: '411 04', city: 'Göteborg' },
        [{ number: `${name}-${u}`, type: 'apartment', address: `${property} 1, lgh 1201` }],
      );
      const email = `${name.toLowerCase()}-${u}@e2e.test`;
      const { customer, contacts } = await insertCustomer(db, { landlordId, kind: 'person', name: `${name} ${u}` }, [{ name, email }]);
      await insertLease(db, {
        landlordId,
        customerId: customer.id,
        unitId: units[0]!.id,
        number: `L-${name}-${u}`,
        validFrom: '2024-01-01',
      });
      const user = await insertPortalUser(db, { email, name, password: PASSWORD }, [
        { landlordId, customerId: customer.id, contactId: contacts[0]!.id, role: 'main_admin' },
      ]);
      await db.update(portalUsers).set({ phone }).where(eq(portalUsers.id, user.id));
      return { property: p, email };
    };
    return { here: await tenant(`Bommen ${u}`, 'Karin', mobile), there: await tenant(`Hamnen ${u}`, 'Olof', null) };
  });
  return { u, admin, mobile: `+46${mobile.slice(1)}`, ...world };
}

async function signInPortal(p: Page, email: string) {
  await p.goto(`${env.tenantUrl}/login`);
  await p.getByLabel('E-mail or username').fill(email);
  await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await p.waitForURL((url) => !url.pathname.endsWith('/login'));
}

describe('operational information', () => {
  for (const size of ['desktop', 'phone'] as const) {
    it(`${size}: an urgent disruption reaches the tenants of its property, and only them`, async () => {
      const s = await scenario();
      const title = `Water off in the stairwell ${s.u}`;
      const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' });
      const p = await context.newPage();
      try {
        // Staff publish it in the console.
        await signInConsole(p, s.admin.email);
        await p.waitForURL((url) => !url.pathname.endsWith('/login'));
        await p.goto(`${env.adminUrl}/content`);
        await p.getByRole('heading', { level: 1, name: 'Operational notices' }).waitFor();
        await expectAccessible(p, `/content (${size})`);
        await p.getByRole('link', { name: 'New notice' }).click();
        await p.waitForURL(/\/content\/notices\/new$/);
        await p.getByLabel('Title').fill(title);
        await p.getByLabel('Text (Markdown)').fill('The **water** is off while we fix a leak.');
        await p.getByRole('combobox', { name: 'Properties' }).click();
        await p.getByRole('option', { name: s.here.property.name }).click();
        await p.keyboard.press('Escape');
        await p.getByLabel('Urgent: also send by e-mail and/or SMS').check({ force: true });
        await p.getByLabel('SMS', { exact: true }).check();
        await expectAccessible(p, `/content/notices/new (${size})`);
        await p.getByRole('button', { name: 'Publish' }).click();
        await p.waitForURL(/\/content\/notices\/[0-9a-f-]{36}$/);
        await p.getByRole('heading', { level: 1, name: title }).waitFor();
        await p.getByRole('heading', { name: 'Deliveries' }).waitFor();
        await expectAccessible(p, `/content/notices/:id (${size})`);

        // The tenant of that property gets the SMS, with a link to the notice.
        const sms = await waitForSms(s.mobile);
        expect(sms.message).toContain(title);
        expect(sms.message).toMatch(/\/operational-info\/[0-9a-f-]{36}/);
        await context.clearCookies();

        await signInPortal(p, s.here.email);
        // Home shows it among the current notices (seeds 001/004: Home is the overview).
        await p.goto(`${env.tenantUrl}/home`);
        await p.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
        await p.locator('[data-tile="home-notices"]').getByText(title).waitFor();
        await expectAccessible(p, `/home with a current notice (${size})`);
        await p.goto(`${env.tenantUrl}/operational-info`);
        await p.getByRole('heading', { level: 1, name: 'Operational info' }).waitFor();
        await p.getByRole('link', { name: title }).waitFor();
        expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await expectAccessible(p, `/operational-info (${size})`);
        await p.getByRole('link', { name: title }).click();
        await p.waitForURL(/\/operational-info\/[0-9a-f-]{36}$/);
        await p.getByRole('heading', { level: 1, name: title }).waitFor();
        await p.getByText('Published').first().waitFor();
        await expectAccessible(p, `/operational-info/:id (${size})`);

        // Starting a case there: the current notice comes first.
        await p.goto(`${env.tenantUrl}/cases/new`);
        await p.getByText('A fault in a common area? It may already be known').waitFor();
        await p.getByTestId('known-notices').getByRole('link', { name: title }).waitFor();
        await expectAccessible(p, `/cases/new with a known notice (${size})`);
        await context.clearCookies();

        // A tenant of another property sees nothing of it.
        await signInPortal(p, s.there.email);
        await p.goto(`${env.tenantUrl}/home`);
        await p.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
        await p.waitForLoadState('networkidle');
        expect(await p.getByText(title).count()).toBe(0);
        await p.goto(`${env.tenantUrl}/operational-info`);
        await p.getByRole('heading', { level: 1, name: 'Operational info' }).waitFor();
        await p.getByText('Nothing is disrupted right now.').waitFor();
        expect(await p.getByText(title).count()).toBe(0);
        await p.goto(`${env.tenantUrl}/cases/new`);
        await p.getByRole('heading', { level: 1 }).waitFor();
        expect(await p.getByText('A fault in a common area? It may already be known').count()).toBe(0);
      } finally {
        await context.close();
      }
    }, 150_000);
  }
});
