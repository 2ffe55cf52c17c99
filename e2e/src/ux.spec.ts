import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { insertCustomer, insertLandlord, insertLease, insertPortalUser, insertProperty, insertStaff } from '@portico/api/src/db/fixtures';
import { parseSwedishOrgNumber } from '@portico/shared/formats/identity';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, STAFF_PASSWORD, VIEWPORTS, withDb } from './harness';

/** Issue 7 §6: what a new user tripped over — one dev origin, favicons, full status badges, one word per case type. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = 'en lång egen lösenfras';
const SHOTS = process.env.E2E_SCREENSHOTS ?? path.join(os.tmpdir(), 'portico-e2e-shots');
mkdirSync(SHOTS, { recursive: true });
const CSRF = { 'x-portico-csrf': '1' };

async function post(request: APIRequestContext, url: string, data: unknown) {
  const res = await request.post(url, { data, headers: CSRF });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** Badges whose text does not fit their box (cut off or ending in "…"). */
function truncatedBadges(page: Page) {
  return page.$$eval('.mantine-Badge-root', (badges) =>
    badges
      .filter((b) => {
        const label = b.querySelector('.mantine-Badge-label') ?? b;
        return b.scrollWidth > b.clientWidth + 1 || label.scrollWidth > label.clientWidth + 1;
      })
      .map((b) => b.textContent),
  );
}

describe('one origin for the dev and preview servers', () => {
  it('sends 127.0.0.1 on to localhost with the path and query, so e-ID cookies come back to the same host', async () => {
    for (const base of [env.tenantUrl, env.adminUrl]) {
      const loopback = base.replace('//localhost', '//127.0.0.1');
      const res = await fetch(`${loopback}/api/v1/auth/portal/eid/start?method=se-bankid`, { redirect: 'manual' });
      expect(res.status).toBe(307);
      expect(res.headers.get('location')).toBe(`${base}/api/v1/auth/portal/eid/start?method=se-bankid`);
    }
  });

  it('serves an SVG favicon that each app links to', async () => {
    for (const base of [env.tenantUrl, env.adminUrl]) {
      expect(await (await fetch(`${base}/`)).text()).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg"');
      const icon = await fetch(`${base}/favicon.svg`);
      expect(icon.status).toBe(200);
      expect(await icon.text()).toContain('<svg');
    }
  });
});

/** A valid Swedish organisation number no other test uses. */
function orgNumber(): string {
  for (;;) {
    const body = `55${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    for (let check = 0; check < 10; check++) {
      const parsed = parseSwedishOrgNumber(`${body}${check}`);
      if (parsed) return parsed.normalized;
    }
  }
}

describe('the password rule shown is the landlord’s', () => {
  it('sign-up shows the classic 8-character rule once the number of a customer of a classic landlord is typed', async () => {
    const u = randomUUID().slice(0, 8);
    const number = orgNumber();
    await withDb(async (db) => {
      const landlord = await insertLandlord(db, {
        name: `Klassiska ${u} AB`,
        country: 'SE',
        defaultLocale: 'sv',
        portalEnabled: true,
        passwordPolicy: 'classic',
      });
      const { units } = await insertProperty(
        db,
        { landlordId: landlord.id, name: `Gatan ${u}`, street: 'Gatan 1', postalCode: '411 01', city: 'Göteborg' },
        [{ number: '1', type: 'office', address: `Gatan 1 ${u}` }],
      );
      const { customer } = await insertCustomer(
        db,
        { landlordId: landlord.id, kind: 'company', name: `Firman ${u} AB`, identityNumber: number, email: `firman-${u}@e2e.test` },
        [],
      );
      await insertLease(db, {
        landlordId: landlord.id,
        customerId: customer.id,
        unitId: units[0]!.id,
        number: `F-${u}`,
        validFrom: '2025-01-01',
      });
    });
    const context = await browser.newContext({ ...VIEWPORTS.phone, locale: 'sv-SE' });
    try {
      const page = await context.newPage();
      await page.goto(`${env.tenantUrl}/signup`);
      await page.getByText('Använd minst 12 tecken').first().waitFor({ timeout: 15_000 });
      await page.getByLabel('Organisationsnummer eller personnummer').fill(`${number.slice(0, 6)}-${number.slice(6)}`);
      await page.getByText('Använd minst 8 tecken, med en versal').first().waitFor({ timeout: 15_000 });
      expect(await page.getByText('Använd minst 12 tecken').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('Swedish at phone size', () => {
  it('shows whole status badges in both apps, "Fråga" in both, and the property manager, not the assignee', async () => {
    const u = randomUUID().slice(0, 8);
    const s = await withDb(async (db) => {
      const landlord = await insertLandlord(db, { name: `Bostäder ${u} AB`, country: 'SE', defaultLocale: 'sv', portalEnabled: true });
      const manager = await insertStaff(db, {
        landlordId: landlord.id,
        email: `forvaltare-${u}@e2e.test`,
        name: `Maja Förvaltare ${u}`,
        role: 'manager',
        password: STAFF_PASSWORD,
      });
      const technician = await insertStaff(db, {
        landlordId: landlord.id,
        email: `tekniker-${u}@e2e.test`,
        name: `Tor Tekniker ${u}`,
        role: 'technician',
        password: STAFF_PASSWORD,
      });
      const { units } = await insertProperty(
        db,
        { landlordId: landlord.id, name: `Kajen ${u}`, street: 'Kajen 1', postalCode: '411 04', city: 'Göteborg', managerId: manager.id },
        [{ number: '4', type: 'office', address: `Kajen 1, plan 4 ${u}` }],
      );
      const email = `hyresgast-${u}@e2e.test`;
      const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `Kontoret ${u} AB` }, [
        { name: 'Rut Hyresgäst', email },
      ]);
      const lease = await insertLease(db, {
        landlordId: landlord.id,
        customerId: customer.id,
        unitId: units[0]!.id,
        number: `K-${u}`,
        validFrom: '2025-01-01',
      });
      await insertPortalUser(db, { email, name: 'Rut Hyresgäst', password: PASSWORD }, [
        { landlordId: landlord.id, customerId: customer.id, contactId: contacts[0]!.id, role: 'main_admin' },
      ]);
      return { manager, technician, email, lease };
    });

    const tenant = await browser.newContext({ ...VIEWPORTS.phone, locale: 'sv-SE' });
    const staff = await browser.newContext({ ...VIEWPORTS.phone, locale: 'sv-SE' });
    try {
      await post(tenant.request, `${env.tenantUrl}/api/v1/auth/portal/login`, { email: s.email, password: PASSWORD });
      const created = await post(tenant.request, `${env.tenantUrl}/api/v1/portal/cases`, {
        title: `Fråga om parkering ${u}`,
        description: 'Finns det fler platser i garaget?',
        type: 'inquiry',
        leaseId: s.lease.id,
        masterKeyAllowed: false,
      });
      await post(staff.request, `${env.adminUrl}/api/v1/auth/staff/login`, { email: s.manager.email, password: STAFF_PASSWORD });
      await post(staff.request, `${env.adminUrl}/api/v1/cases/${created.id}/assign`, { assigneeId: s.technician.id });
      for (const status of ['acknowledged', 'waiting_for_tenant'])
        await post(staff.request, `${env.adminUrl}/api/v1/cases/${created.id}/status`, { status });

      const portal = await tenant.newPage();
      await portal.goto(`${env.tenantUrl}/cases`);
      await portal.locator('.mantine-Badge-root', { hasText: 'Väntar på dig' }).first().waitFor({ timeout: 15_000 });
      await portal.screenshot({ path: path.join(SHOTS, 'portal-cases-sv-phone.png'), fullPage: true });
      expect(await truncatedBadges(portal)).toEqual([]);
      await expectAccessible(portal, 'portal case list (sv, phone)');

      await portal.goto(`${env.tenantUrl}/cases/${created.id}`);
      // The manager card: the property's manager, with a mail link, even though a technician was assigned.
      await portal.locator(`a[href="mailto:${s.manager.email}"]`).waitFor({ timeout: 15_000 });
      expect(await portal.locator(`a[href="mailto:${s.technician.email}"]`).count()).toBe(0);
      await portal.screenshot({ path: path.join(SHOTS, 'portal-case-sv-phone.png'), fullPage: true });
      expect(await truncatedBadges(portal)).toEqual([]);
      await expect.poll(() => portal.getByText('Fråga', { exact: true }).count()).toBeGreaterThan(0);
      await expectAccessible(portal, 'portal case (sv, phone)');

      const consolePage = await staff.newPage();
      await consolePage.goto(`${env.adminUrl}/cases`);
      await consolePage.locator('.mantine-Badge-root', { hasText: 'Väntar på hyresgäst' }).first().waitFor({ timeout: 15_000 });
      await consolePage.screenshot({ path: path.join(SHOTS, 'console-cases-sv-phone.png'), fullPage: true });
      expect(await truncatedBadges(consolePage)).toEqual([]);
      await expect.poll(() => consolePage.getByText('Fråga', { exact: true }).count()).toBeGreaterThan(0);
      await expectAccessible(consolePage, 'console case list (sv, phone)');
    } finally {
      await tenant.close();
      await staff.close();
    }
  });
});
