import { randomUUID } from 'node:crypto';
import {
  insertCustomer,
  insertInvoice,
  insertLandlord,
  insertLease,
  insertPortalUser,
  insertProperty,
  insertStaff,
} from '@portico/api/src/db/fixtures';
import { landlords } from '@portico/api/src/db/schema/landlords';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, STAFF_PASSWORD, signInConsole, VIEWPORTS, withDb } from './harness';

/**
 * Issue 12 SHELL (§6, §7) as a tenant meets it: Home's tiles by role, the app shell (compact top bar,
 * bottom tab bar on a phone, side navigation on a desk), company features hidden from a one-person
 * household, the landlord's branding on the sign-in page, the PWA manifest, and a list that refreshes
 * itself when staff write.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = 'a long private passphrase';
const BRAND = '#1a5fb4';

async function scenario() {
  const u = randomUUID().slice(0, 8);
  return withDb(async (db) => {
    const landlord = await insertLandlord(db, { name: `Shell Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    await db
      .update(landlords)
      .set({ brandName: `Shell Brand ${u}`, brandColour: BRAND })
      .where(eq(landlords.id, landlord.id));
    const staff = await insertStaff(db, {
      landlordId: landlord.id,
      email: `staff-${u}@e2e.test`,
      name: `Sam Staff ${u}`,
      role: 'manager',
      password: STAFF_PASSWORD,
    });
    const { units } = await insertProperty(
      db,
      { landlordId: landlord.id, name: `Skalgatan ${u}`, street: 'Skalgatan 1', postalCode: '411 01', city: 'Göteborg' },
      [
        { number: `0101-${u}`, type: 'office', address: 'Skalgatan 1, plan 1' },
        { number: `1201-${u}`, type: 'apartment', address: 'Skalgatan 1, lgh 1201' },
      ],
    );
    const company = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `Shell ${u} AB` }, [
      { name: 'Mona Main', email: `main-${u}@e2e.test` },
      { name: 'Ulla User', email: `user-${u}@e2e.test` },
    ]);
    const office = await insertLease(db, {
      landlordId: landlord.id,
      customerId: company.customer.id,
      unitId: units[0]!.id,
      number: `S-${u}-1`,
      validFrom: '2025-01-01',
    });
    await insertInvoice(db, {
      landlordId: landlord.id,
      customerId: company.customer.id,
      leaseId: office.id,
      status: 'unpaid',
      totalMinor: 1_234_500,
      currency: 'SEK',
      dueDate: '2027-03-31',
      period: '2027-03-01',
    });
    await insertPortalUser(db, { email: `main-${u}@e2e.test`, name: 'Mona Main', password: PASSWORD }, [
      { landlordId: landlord.id, customerId: company.customer.id, contactId: company.contacts[0]!.id, role: 'main_admin' },
    ]);
    await insertPortalUser(db, { email: `user-${u}@e2e.test`, name: 'Ulla User', password: PASSWORD }, [
      { landlordId: landlord.id, customerId: company.customer.id, contactId: company.contacts[1]!.id, role: 'user' },
    ]);
    const household = await insertCustomer(db, { landlordId: landlord.id, kind: 'person', name: `Petra Person ${u}` }, [
      { name: `Petra Person ${u}`, email: `petra-${u}@e2e.test` },
    ]);
    const flat = await insertLease(db, {
      landlordId: landlord.id,
      customerId: household.customer.id,
      unitId: units[1]!.id,
      number: `S-${u}-2`,
      validFrom: '2025-01-01',
    });
    await insertPortalUser(db, { email: `petra-${u}@e2e.test`, name: 'Petra Person', password: PASSWORD }, [
      { landlordId: landlord.id, customerId: household.customer.id, contactId: household.contacts[0]!.id, role: 'main_admin' },
    ]);
    return {
      u,
      landlord,
      staff,
      company: company.customer,
      office,
      household: household.customer,
      flat,
      main: `main-${u}@e2e.test`,
      user: `user-${u}@e2e.test`,
      petra: `petra-${u}@e2e.test`,
    };
  });
}

async function open(size: keyof typeof VIEWPORTS): Promise<Page> {
  const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' });
  return context.newPage();
}

async function signIn(p: Page, email: string) {
  await p.goto(`${env.tenantUrl}/login`);
  await p.getByLabel('E-mail or username').fill(email);
  await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await p.waitForURL(/\/messages/);
}

/** `/` opens Home. */
async function home(p: Page) {
  await p.goto(`${env.tenantUrl}/`);
  await p.waitForURL(/\/home$/);
  await p.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
}

/** The sections a person is offered: the side navigation on a desk, the More page on a phone. */
async function sections(p: Page, size: keyof typeof VIEWPORTS): Promise<string[]> {
  if (size === 'phone') {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
    await p.waitForURL(/\/more$/);
    const list = p.getByRole('navigation', { name: 'Sections' });
    await list.getByRole('link').first().waitFor();
    return list.getByRole('link').allTextContents();
  }
  const nav = p.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link').first().waitFor();
  return (await nav.getByRole('link').allTextContents()).map((s) => s.replace(/\d+ unread$/, '').trim());
}

const EVERYONE = ['Operational info', 'News', 'Documents', 'Property', 'Help', 'Leases', 'Settings'];

describe('the portal shell', () => {
  for (const size of ['phone', 'desktop'] as const) {
    it(`${size}: Home's tiles and the sections follow the role; a one-person household sees no company features`, async () => {
      const s = await scenario();

      // The company's main administrator: unpaid notices with "Pay", Organisation and Dashboard.
      const main = await open(size);
      await signIn(main, s.main);
      await home(main);
      const invoices = main.getByRole('region', { name: 'Unpaid notices' });
      await invoices
        .getByText('Due 31 Mar 2027')
        .or(invoices.getByText(/Due .*2027/))
        .first()
        .waitFor();
      await invoices.getByRole('link', { name: /^Pay / }).waitFor();
      await main.getByRole('region', { name: 'Open cases' }).waitFor();
      await main.getByRole('region', { name: 'Messages' }).waitFor();
      await main.getByRole('link', { name: 'New case' }).waitFor();
      await expectAccessible(main, `Home (${size}, main administrator)`);
      if (size === 'phone') {
        // The top bar is compact: Home's heading starts within the first ~80 px of a 390×844 screen.
        const bar = await main.locator('header.app-bar').boundingBox();
        expect(bar!.height).toBeLessThanOrEqual(60);
        const heading = await main.getByRole('heading', { level: 1, name: 'Home' }).boundingBox();
        expect(heading!.y).toBeLessThan(90);
        // The bottom tab bar navigates.
        const tabs = main.getByRole('navigation', { name: 'Main' });
        await tabs.getByRole('link', { name: 'Cases' }).click();
        await main.waitForURL(/\/cases$/);
        await tabs.getByRole('link', { name: 'Messages' }).click();
        await main.waitForURL(/\/messages$/);
        await tabs.getByRole('link', { name: 'Home' }).click();
        await main.waitForURL(/\/home$/);
      }
      const mainSections = await sections(main, size);
      expect(mainSections).toEqual(expect.arrayContaining([...EVERYONE, 'Invoices', 'Organisation', 'Dashboard']));
      if (size === 'phone') await expectAccessible(main, 'More (phone)');
      await main.getByRole('link', { name: 'Organisation' }).first().click();
      await main.waitForURL(/\/organisation$/);
      // The account menu: settings and sign out.
      await main.getByRole('button', { name: 'Account' }).click();
      await main.getByRole('link', { name: 'Settings' }).last().waitFor();
      await expectAccessible(main, `account menu (${size})`);
      await main.keyboard.press('Escape');
      expect(await main.getByRole('button', { name: 'Account' }).getAttribute('aria-expanded')).toBe('false');
      await main.context().close();

      // A plain user of the same company: no unpaid notices, no Organisation, no Dashboard.
      const user = await open(size);
      await signIn(user, s.user);
      await home(user);
      await user.getByRole('region', { name: 'Open cases' }).waitFor();
      expect(await user.getByRole('region', { name: 'Unpaid notices' }).count()).toBe(0);
      const userSections = await sections(user, size);
      expect(userSections).toEqual(expect.arrayContaining(EVERYONE));
      for (const hidden of ['Invoices', 'Organisation', 'Dashboard']) expect(userSections).not.toContain(hidden);
      await user.context().close();

      // A one-person household's main administrator: invoices, but no company features.
      const petra = await open(size);
      await signIn(petra, s.petra);
      await home(petra);
      await petra.getByRole('region', { name: 'Unpaid notices' }).waitFor();
      const petraSections = await sections(petra, size);
      expect(petraSections).toContain('Invoices');
      expect(petraSections).not.toContain('Organisation');
      expect(petraSections).not.toContain('Dashboard');
      await petra.context().close();
    });
  }

  it('phone: the sign-in page shows the landlord from the link, and remembers it; the portal wears the brand', async () => {
    const s = await scenario();
    const p = await open('phone');
    await p.goto(`${env.tenantUrl}/login?landlord=${s.landlord.id}`);
    const header = p.locator('header.site-header');
    await header.getByText(`Shell Brand ${s.u}`).waitFor();
    expect(await header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(26, 95, 180)');
    await expectAccessible(p, 'branded sign-in page');
    // The same device, without the link: the landlord is remembered.
    await p.goto(`${env.tenantUrl}/login`);
    await header.getByText(`Shell Brand ${s.u}`).waitFor();
    // Signed in, the top bar carries the landlord's name and colour.
    await p.getByLabel('E-mail or username').fill(s.petra);
    await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await p.waitForURL(/\/messages/);
    const bar = p.locator('header.app-bar');
    await bar.getByText(`Shell Brand ${s.u}`).waitFor();
    expect(await bar.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(26, 95, 180)');
    await p.context().close();
  });

  it('the portal is installable: a manifest with 192/512 and maskable icons, linked from the page', async () => {
    const p = await open('phone');
    await p.goto(`${env.tenantUrl}/login`);
    const href = await p.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const res = await p.request.get(`${env.tenantUrl}${href}`);
    expect(res.status()).toBe(200);
    const manifest = await res.json();
    expect(manifest).toMatchObject({
      start_url: '/home',
      display: 'standalone',
      short_name: expect.any(String),
      theme_color: expect.any(String),
    });
    const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
    for (const [sizes, purpose] of [
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ]) {
      const icon = icons.find((i) => i.sizes === sizes && i.purpose === purpose);
      expect(icon, `${sizes} ${purpose}`).toBeDefined();
      const png = await p.request.get(`${env.tenantUrl}${icon!.src}`);
      expect(png.status()).toBe(200);
      expect(png.headers()['content-type']).toBe('image/png');
      const body = await png.body();
      // PNG width and height (IHDR) match the declared size.
      expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`).toBe(sizes);
    }
    await p.context().close();
  });

  it('phone: the messages list shows a staff message without a reload', async () => {
    const s = await scenario();
    const tenant = await open('phone');
    await signIn(tenant, s.main);
    await tenant.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const staff = await open('desktop');
    await signInConsole(staff, s.staff.email);
    await staff.waitForURL(/\/messages/);
    const subject = `Water off on Tuesday ${s.u}`;
    const res = await staff.request.post(`${env.adminUrl}/api/v1/threads`, {
      data: { customerId: s.company.id, leaseId: s.office.id, subject, body: 'The water is off 9–12.' },
      headers: { 'x-portico-csrf': '1' },
    });
    expect(res.status(), await res.text()).toBe(201);
    await tenant.getByText(subject).waitFor({ timeout: 45_000 });
    expect(await tenant.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // The tab bar counts it as unread.
    await tenant.getByRole('navigation', { name: 'Main' }).getByText('1 unread').waitFor({ timeout: 45_000 });
    await staff.context().close();
    await tenant.context().close();
  });
});
