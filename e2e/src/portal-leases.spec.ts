import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { insertCustomer, insertLandlord, insertLease, insertPortalUser, insertProperty, insertStaff } from '@portico/api/src/db/fixtures';
import { units as unitsTable } from '@portico/api/src/db/schema/properties';
import { CSRF_HEADER } from '@portico/shared/headers';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, openPortalSection, STAFF_PASSWORD, VIEWPORTS, withDb } from './harness';

/** Issue 11 §1 as a tenant walks it (seeds 001, 002): Leases, a lease and its signed PDF; another lease's copy request. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = 'a long private passphrase';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A company with an office lease signed digitally (PDF, rent lines) and a storage lease signed on paper. */
async function scenario() {
  const u = randomUUID().slice(0, 8);
  const world = await withDb(async (db) => {
    const landlord = await insertLandlord(db, { name: `Lease Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    const manager = await insertStaff(db, {
      landlordId: landlord.id,
      email: `manager-${u}@e2e.test`,
      name: `Mia Manager ${u}`,
      role: 'manager',
      password: STAFF_PASSWORD,
    });
    const { units } = await insertProperty(
      db,
      { landlordId: landlord.id, name: `Bommen ${u}`, street: 'Lilla Bommen 8', postalCode: '411 04', city: 'Göteborg' },
      [
        { number: `0401-${u}`, type: 'office', address: 'Lilla Bommen 8, plan 4' },
        { number: `F12-${u}`, type: 'storage', address: 'Lilla Bommen 8, förråd 12' },
      ],
    );
    await db.update(unitsTable).set({ areaM2: '350', floor: '4' }).where(eq(unitsTable.id, units[0]!.id));
    const email = `main-${u}@e2e.test`;
    const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `Company ${u} AB` }, [
      { name: 'Lisa Main', email },
    ]);
    const office = await insertLease(db, {
      landlordId: landlord.id,
      customerId: customer.id,
      unitId: units[0]!.id,
      number: `HA-${u}-1`,
      validFrom: '2024-01-01',
    });
    const storage = await insertLease(db, {
      landlordId: landlord.id,
      customerId: customer.id,
      unitId: units[1]!.id,
      number: `HA-${u}-2`,
      validFrom: '2024-01-01',
    });
    await insertPortalUser(db, { email, name: 'Lisa Main', password: PASSWORD }, [
      { landlordId: landlord.id, customerId: customer.id, contactId: contacts[0]!.id, role: 'main_admin' },
    ]);
    return { u, manager, email, office, storage };
  });
  await signLease(world.manager.email, world.office.id);
  return world;
}

/** Staff attach the signed PDF and rent lines through the API, as the console's lease form does. */
async function signLease(staffEmail: string, leaseId: string) {
  const base = env.tenantUrl;
  const login = await fetch(`${base}/api/v1/auth/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
    body: JSON.stringify({ email: staffEmail, password: STAFF_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const headers = { cookie, [CSRF_HEADER]: '1' };
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'Signed lease.pdf');
  const upload = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers, body: form });
  expect(upload.status).toBe(201);
  const { id } = (await upload.json()) as { id: string };
  const patch = await fetch(`${base}/api/v1/leases/${leaseId}`, {
    method: 'PATCH',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      signedPdfId: id,
      rentLines: [
        { kind: 'rent', description: 'Office rent', amountMinor: 6_500_000, vatRate: 25 },
        { kind: 'service_charge', amountMinor: 500_000, vatRate: 25 },
      ],
    }),
  });
  expect(patch.status, await patch.text()).toBe(200);
}

async function signIn(p: Page, email: string) {
  await p.goto(`${env.tenantUrl}/login`);
  await p.getByLabel('E-mail or username').fill(email);
  await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await p.waitForURL(/\/messages/);
}

describe('leases in the portal', () => {
  for (const size of ['desktop', 'phone'] as const) {
    it(`${size}: a tenant opens Leases and a lease, downloads the signed PDF, and asks for a copy of the other lease`, async () => {
      const s = await scenario();
      const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB', acceptDownloads: true });
      const p = await context.newPage();
      try {
        await signIn(p, s.email);
        await openPortalSection(p, 'Leases');
        await p.waitForURL(/\/leases$/);
        await p.getByRole('heading', { level: 1, name: 'Leases' }).waitFor();
        // Seed 002's columns: a table on a desktop, a card per lease on a phone (no sideways scrolling).
        const office = p.getByRole('link', { name: s.office.number, exact: true });
        await office.waitFor();
        await expect.poll(() => p.getByRole('link', { name: s.storage.number, exact: true }).isVisible()).toBe(true);
        expect(
          await p
            .getByRole('table')
            .isVisible()
            .catch(() => false),
        ).toBe(size === 'desktop');
        await expect.poll(() => p.getByText('350 m²').filter({ visible: true }).first().isVisible()).toBe(true);
        expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await expectAccessible(p, `/leases (${size})`);

        // The signed lease: facts, the rent (main administrator) and the PDF.
        await office.click();
        await p.waitForURL(new RegExp(`/leases/${s.office.id}$`));
        await p.getByRole('heading', { level: 1, name: `Lease ${s.office.number}` }).waitFor();
        await p.getByText('Total per month').waitFor();
        await expect.poll(() => p.getByText('SEK 87,500.00').isVisible()).toBe(true);
        await expectAccessible(p, `/leases/:id (${size})`);
        const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: 'Download signed lease' }).click()]);
        expect(download.suggestedFilename()).toBe('Signed lease.pdf');
        const saved = await download.path();
        expect((await readFile(saved)).subarray(0, 5).toString()).toBe('%PDF-');

        // The lease signed on paper: no PDF, so "Request a copy" opens a case and shows it.
        await p.getByRole('link', { name: 'All leases' }).click();
        await p.getByRole('link', { name: s.storage.number, exact: true }).click();
        await p.waitForURL(new RegExp(`/leases/${s.storage.id}$`));
        await p.getByText('There is no signed copy of this lease in the portal.').waitFor();
        await p.getByRole('button', { name: 'Request a copy' }).click();
        await p.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
        await p.getByRole('heading', { name: new RegExp(`Copy of lease ${s.storage.number}`) }).waitFor();

        // And the lease's page lists it among its cases.
        await p.goto(`${env.tenantUrl}/leases/${s.storage.id}`);
        await p.getByRole('heading', { name: 'Cases for this lease' }).waitFor();
        await p.getByRole('link', { name: new RegExp(`Copy of lease ${s.storage.number}`) }).waitFor();
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
