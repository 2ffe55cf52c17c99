import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { createDb } from '@portico/api/src/db/client';
import { insertCustomer, insertLandlord, insertLease, insertProperty, insertStaff } from '@portico/api/src/db/fixtures';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where test.sh started the stack; each is required. */
export const env = {
  tenantUrl: required('TENANT_WEB_URL'),
  adminUrl: required('ADMIN_WEB_URL'),
  catcherUrl: required('CATCHER_URL'),
  databaseUrl: required('DATABASE_URL'),
};

function required(name: string) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through \`npm test\``);
  return value;
}

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Fails on any serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${where}`).toEqual([]);
}

export type CaughtMail = { to: string[]; subject: string; text: string };

export type CaughtSms = { to: string; message: string };

export async function waitForSms(to: string, ms = 20_000): Promise<CaughtSms> {
  const until = Date.now() + ms;
  for (;;) {
    const sms = (await (await fetch(`${env.catcherUrl}/api/sms?to=${encodeURIComponent(to)}`)).json()) as CaughtSms[];
    if (sms[0]) return sms[0];
    if (Date.now() > until) throw new Error(`no SMS to ${to} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function waitForMail(to: string, match: (m: CaughtMail) => boolean = () => true, ms = 20_000): Promise<CaughtMail> {
  const until = Date.now() + ms;
  for (;;) {
    const mails = (await (await fetch(`${env.catcherUrl}/api/mails?to=${encodeURIComponent(to)}`)).json()) as CaughtMail[];
    const hit = mails.find(match);
    if (hit) return hit;
    if (Date.now() > until) throw new Error(`no mail to ${to} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const STAFF_PASSWORD = 'e2e staff passphrase 2026';

/** Runs `build` with a database handle of its own, for setting up a test's world. */
export async function withDb<T>(build: (db: ReturnType<typeof createDb>['db']) => Promise<T>): Promise<T> {
  const { db, pool } = createDb(env.databaseUrl, { max: 2 });
  try {
    return await build(db);
  } finally {
    await pool.end();
  }
}

/** A Swedish landlord of its own (English by default) with one admin, `Admin <u>`, who signs in with STAFF_PASSWORD. */
export async function makeLandlordAdmin(landlordName: string, u: string) {
  return withDb(async (db) => {
    const landlord = await insertLandlord(db, { name: `${landlordName} ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    return insertStaff(db, {
      landlordId: landlord.id,
      email: `admin-${u}@e2e.test`,
      name: `Admin ${u}`,
      role: 'admin',
      password: STAFF_PASSWORD,
    });
  });
}

/** Signs in on the console's own sign-in page, as a person does. */
export async function signInConsole(p: Page, email: string, password = STAFF_PASSWORD) {
  await p.goto(`${env.adminUrl}/login`);
  await p.getByLabel('E-mail').fill(email);
  await p.getByLabel('Password', { exact: true }).fill(password);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * A landlord of its own: one manager (STAFF_PASSWORD), one household tenant with a flat and no
 * portal user. In the browser tests' database unless another is named.
 */
export async function makeScenario(databaseUrl = env.databaseUrl) {
  const { db, pool } = createDb(databaseUrl, { max: 2 });
  try {
    const u = randomUUID().slice(0, 8);
    const landlord = await insertLandlord(db, { name: `E2E Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    const staff = await insertStaff(db, {
      landlordId: landlord.id,
      email: `staff-${u}@e2e.test`,
      name: `Sam Staff ${u}`,
      role: 'manager',
      password: STAFF_PASSWORD,
    });
    const { units } = await insertProperty(
      db,
      { landlordId: landlord.id, name: 'Testvägen 3', street: 'Testvägen 3', postalCode: '411 01', city: 'Göteborg' },
      [{ number: '1101', type: 'apartment', address: `Testvägen 3, lgh ${u}` }],
    );
    const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'person', name: `Tess Tenant ${u}` }, [
      { name: `Tess Tenant ${u}`, email: `tess-${u}@e2e.test` },
    ]);
    const lease = await insertLease(db, {
      landlordId: landlord.id,
      customerId: customer.id,
      unitId: units[0]!.id,
      number: `E2E-${u}`,
      validFrom: '2025-01-01',
    });
    return { u, landlord, staff, customer, tenantEmail: contacts[0]!.email!, lease };
  } finally {
    await pool.end();
  }
}

// A real 1×1 PNG, so the upload is sniffed as an image.
export const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Issue 12 SHELL: opens a portal section by its navigation label. On a phone the bottom tab bar has
 * Home, Messages, Cases and More; every other section is on the More page.
 */
export async function openPortalSection(p: Page, label: string) {
  const nav = p.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Home', exact: true }).waitFor();
  const link = nav.getByRole('link', { name: label, exact: true });
  if (!(await link.isVisible())) {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More', exact: true }).click();
    await p.waitForURL(/\/more$/);
    await p.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label, exact: true }).click();
    return;
  }
  await link.click();
}
