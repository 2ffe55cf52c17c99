import { randomUUID } from 'node:crypto';
import { insertCustomer, insertLandlord, insertLease, insertPortalUser, insertProperty, insertStaff } from '@portico/api/src/db/fixtures';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, PHOTO, STAFF_PASSWORD, signInConsole, VIEWPORTS, withDb } from './harness';

/** Issue 12 §2 as people walk it: staff publish a bulletin post with an image for one property; its tenants read it, others do not. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = 'a long private passphrase';

/** One landlord, two properties, a tenant (with a portal account) in each. */
async function scenario() {
  const u = randomUUID().slice(0, 8);
  return withDb(async (db) => {
    const landlord = await insertLandlord(db, { name: `Post Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    const manager = await insertStaff(db, {
      landlordId: landlord.id,
      email: `manager-${u}@e2e.test`,
      name: `Mia Manager ${u}`,
      role: 'manager',
      password: STAFF_PASSWORD,
    });
    const tenant = async (street: string, n: string) => {
      const { property, units } = await insertProperty(
        db,
        { landlordId: landlord.id, name: `${street} ${u}`, street, postalCode: '411 04', city: 'Göteborg' },
        [{ number: `${n}-${u}`, type: 'apartment', address: `${street}, lgh ${n}` }],
      );
      const email = `${n}-${u}@e2e.test`;
      const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'person', name: `Tenant ${n} ${u}` }, [
        { name: `Tenant ${n}`, email },
      ]);
      await insertLease(db, {
        landlordId: landlord.id,
        customerId: customer.id,
        unitId: units[0]!.id,
        number: `P-${n}-${u}`,
        validFrom: '2024-01-01',
      });
      await insertPortalUser(db, { email, name: `Tenant ${n}`, password: PASSWORD }, [
        { landlordId: landlord.id, customerId: customer.id, contactId: contacts[0]!.id, role: 'main_admin' },
      ]);
      return { property, email };
    };
    return { u, manager, here: await tenant('Gårdsvägen 1', 'here'), there: await tenant('Bortavägen 9', 'there') };
  });
}

async function signInPortal(p: Page, email: string) {
  await p.goto(`${env.tenantUrl}/login`);
  await p.getByLabel('E-mail or username').fill(email);
  await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await p.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The console's form, as a manager fills it in: bulletin, one property, an image. */
async function publish(s: Awaited<ReturnType<typeof scenario>>, title: string) {
  const context = await browser.newContext({ ...VIEWPORTS.desktop, locale: 'en-GB' });
  const p = await context.newPage();
  try {
    await signInConsole(p, s.manager.email);
    await p.waitForURL((url) => !url.pathname.startsWith('/login'));
    await p.goto(`${env.adminUrl}/content/posts`);
    await p.getByRole('heading', { level: 1, name: 'News and bulletin board' }).waitFor();
    await expectAccessible(p, 'console posts list');
    await p.getByRole('link', { name: 'New post' }).click();
    await p.getByRole('heading', { level: 1, name: 'New post' }).waitFor();
    await p.getByLabel('Category').selectOption('bulletin');
    await p.getByLabel('Title').fill(title);
    await p.getByLabel('Text').fill('Bring a chair. **Coffee** is on us.');
    await p.getByRole('radio', { name: 'Tenants of chosen properties' }).check();
    const picker = p.getByRole('combobox', { name: 'Properties' });
    await picker.click();
    await picker.fill('Gårdsvägen');
    await p.getByRole('option', { name: s.here.property.name }).click();
    await p.keyboard.press('Escape');
    await p.locator('input[type="file"]').setInputFiles({ name: 'yard.png', mimeType: 'image/png', buffer: PHOTO });
    await p.getByRole('img', { name: "The post's image" }).waitFor();
    await expectAccessible(p, 'console new post');
    await p.getByRole('button', { name: 'Publish' }).click();
    await p.waitForURL(/\/content\/posts\/[0-9a-f-]{36}$/);
    await p.getByRole('heading', { level: 1, name: 'Edit post' }).waitFor();
    await p.getByRole('status').getByText('Saved.').waitFor();
    await expectAccessible(p, 'console edit post');
  } finally {
    await context.close();
  }
}

describe('news and bulletin board', () => {
  for (const size of ['desktop', 'phone'] as const) {
    it(`${size}: a bulletin post with an image reaches the tenants of its property, and only them`, async () => {
      const s = await scenario();
      const title = `Courtyard party ${s.u}`;
      await publish(s, title);

      const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' });
      const p = await context.newPage();
      try {
        await signInPortal(p, s.here.email);
        await p.goto(`${env.tenantUrl}/news`);
        await p.getByRole('heading', { level: 1, name: 'News' }).waitFor();
        const link = p.getByRole('link', { name: title });
        await link.waitFor();
        const thumb = p.locator('img.post-thumb').first();
        await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
        await expectAccessible(p, `${size} news list`);
        // The bulletin tab shows it too.
        await p.getByRole('tab', { name: 'Bulletin board' }).click();
        await p.getByRole('link', { name: title }).waitFor();
        await p.getByRole('link', { name: title }).click();
        await p.getByRole('heading', { level: 1, name: title }).waitFor();
        await p.getByText('Coffee', { exact: true }).waitFor();
        const image = p.locator('img.post-image');
        await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
        await expectAccessible(p, `${size} news post`);
      } finally {
        await context.close();
      }

      // A tenant of the other property: not in the list, and the post's own address finds nothing.
      const other = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' });
      const q = await other.newPage();
      try {
        await signInPortal(q, s.there.email);
        await q.goto(`${env.tenantUrl}/news`);
        await q.getByText('Nothing has been posted here yet.').waitFor();
        expect(await q.getByRole('link', { name: title }).count()).toBe(0);
        await expectAccessible(q, `${size} empty news list`);
      } finally {
        await other.close();
      }
    }, 120_000);
  }
});
