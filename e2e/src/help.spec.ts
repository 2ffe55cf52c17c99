import { randomUUID } from 'node:crypto';
import { insertCustomer, insertLandlord, insertLease, insertPortalUser, insertProperty, insertStaff } from '@portico/api/src/db/fixtures';
import { landlords } from '@portico/api/src/db/schema/landlords';
import { ensureDefaultHelpArticles } from '@portico/api/src/modules/help/default-articles';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, STAFF_PASSWORD, signInConsole, VIEWPORTS, withDb } from './harness';

/** Issue 12 §3 as people use it: a tenant searches the help centre on a phone and opens an article; staff edit one. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = 'a long private passphrase';

/** A landlord with the default articles, its support details, a manager and a tenant with a flat. */
async function scenario() {
  const u = randomUUID().slice(0, 8);
  return withDb(async (db) => {
    const landlord = await insertLandlord(db, { name: `Help Homes ${u}`, country: 'SE', defaultLocale: 'sv', portalEnabled: true });
    await db
      .update(landlords)
      .set({ supportEmail: `support-${u}@helphomes.test` })
      .where(eq(landlords.id, landlord.id));
    await ensureDefaultHelpArticles(db, landlord.id);
    const manager = await insertStaff(db, {
      landlordId: landlord.id,
      email: `manager-${u}@e2e.test`,
      name: `Mia Manager ${u}`,
      role: 'manager',
      password: STAFF_PASSWORD,
      locale: 'en',
    });
    const { units } = await insertProperty(
      db,
      { landlordId: landlord.id, name: `Hjälpvägen ${u}`, street: 'Hjälpvägen 1', postalCode: '411 01', city: 'Göteborg' },
      [{ number: `1201-${u}`, type: 'apartment', address: 'Hjälpvägen 1, lgh 1201' }],
    );
    const email = `tenant-${u}@e2e.test`;
    const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'person', name: `Tove Tenant ${u}` }, [
      { name: 'Tove Tenant', email },
    ]);
    await insertLease(db, {
      landlordId: landlord.id,
      customerId: customer.id,
      unitId: units[0]!.id,
      number: `H-${u}`,
      validFrom: '2025-01-01',
    });
    await insertPortalUser(db, { email, name: 'Tove Tenant', password: PASSWORD, locale: 'en' }, [
      { landlordId: landlord.id, customerId: customer.id, contactId: contacts[0]!.id, role: 'user' },
    ]);
    return { u, manager, email, supportEmail: `support-${u}@helphomes.test` };
  });
}

async function signInPortal(p: Page, email: string) {
  await p.goto(`${env.tenantUrl}/login`);
  await p.getByLabel('E-mail or username').fill(email);
  await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await p.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('help centre', () => {
  for (const size of ['phone', 'desktop'] as const) {
    it(`${size}: a tenant searches the help centre, opens an article and finds who to contact`, async () => {
      const s = await scenario();
      const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' });
      const p = await context.newPage();
      try {
        await signInPortal(p, s.email);
        await p.goto(`${env.tenantUrl}/help`);
        await p.getByRole('heading', { level: 1, name: 'Help' }).waitFor();
        // Without words: the articles under their topics, in the person's language (English).
        await p.getByRole('heading', { level: 2, name: 'Invoices and paying' }).waitFor();
        await expect(p.getByRole('link', { name: 'Report a fault' }).isVisible()).resolves.toBe(true);
        await p.getByRole('heading', { name: 'Problems signing in?' }).waitFor();
        await expect(p.getByRole('link', { name: s.supportEmail }).isVisible()).resolves.toBe(true);
        await expectAccessible(p, `/help (${size})`);

        // "payments" finds "payment" (English stemming); the matched words are marked.
        await p.getByRole('searchbox', { name: 'Search help' }).fill('payments');
        await p.getByRole('button', { name: 'Search', exact: true }).click();
        await p.waitForURL(/\/help\?q=payments/);
        await p.getByRole('heading', { name: 'Results for “payments”' }).waitFor();
        const hit = p.getByRole('link', { name: 'Invoices and paying the rent' });
        await hit.waitFor();
        // The search's own answer (not the list kept on screen while it loads): its snippets mark the words.
        await p.locator('mark').first().waitFor();
        await expectAccessible(p, `/help?q=payments (${size})`);

        await hit.click();
        await p.waitForURL(/\/help\/[0-9a-f-]{36}$/);
        await p.getByRole('heading', { level: 1, name: 'Invoices and paying the rent' }).waitFor();
        await p.getByText('set up direct debit').waitFor();
        await expectAccessible(p, `/help/:articleId (${size})`);
        await p.getByRole('link', { name: 'All help articles' }).click();
        await p.waitForURL(/\/help$/);
      } finally {
        await context.close();
      }
    });
  }

  it('staff edit an article in the console, and tenants see the new text', async () => {
    const s = await scenario();
    const context = await browser.newContext({ ...VIEWPORTS.desktop, locale: 'en-GB' });
    const p = await context.newPage();
    try {
      await signInConsole(p, s.manager.email);
      await p.waitForURL((url) => !url.pathname.startsWith('/login'));
      await p.goto(`${env.adminUrl}/content/help?locale=en&category=other`);
      await p.getByRole('heading', { level: 1, name: 'Help centre' }).waitFor();
      await expectAccessible(p, '/content/help');
      await p.getByRole('link', { name: 'Who do I contact?' }).click();
      await p.waitForURL(/\/content\/help\/[0-9a-f-]{36}$/);
      await p.getByRole('heading', { level: 1, name: 'Edit article' }).waitFor();
      // The article's other languages are one click away.
      await expect(p.getByRole('link', { name: 'Svenska' }).isVisible()).resolves.toBe(true);
      await expect(p.getByRole('link', { name: 'Dansk' }).isVisible()).resolves.toBe(true);
      await expectAccessible(p, '/content/help/:articleId');

      await p.getByLabel('Title').fill(`Who to call at Help Homes ${s.u}`);
      await p.getByLabel('Text (Markdown)').fill('Call the **caretaker** on 031-12 34 56.');
      await p.getByRole('button', { name: 'Save', exact: true }).click();
      await p.getByRole('status').filter({ hasText: 'The article is saved.' }).waitFor();
      await p.locator('.rich-text strong', { hasText: 'caretaker' }).waitFor();

      await p.goto(`${env.adminUrl}/content/help/new`);
      await p.getByRole('heading', { level: 1, name: 'New article' }).waitFor();
      await expectAccessible(p, '/content/help/new');
    } finally {
      await context.close();
    }
    const tenant = await browser.newContext({ ...VIEWPORTS.phone, locale: 'en-GB' });
    const t = await tenant.newPage();
    try {
      await signInPortal(t, s.email);
      await t.goto(`${env.tenantUrl}/help?q=caretaker`);
      await t.getByRole('link', { name: `Who to call at Help Homes ${s.u}` }).waitFor();
    } finally {
      await tenant.close();
    }
  });
});
