import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { insertCustomer, insertLandlord, insertLease, insertPortalUser, insertProperty, insertStaff } from '@portico/api/src/db/fixtures';
import { properties as propertiesTable } from '@portico/api/src/db/schema/properties';
import { staffUsers } from '@portico/api/src/db/schema/staff';
import { CSRF_HEADER } from '@portico/shared/headers';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, openPortalSection, STAFF_PASSWORD, VIEWPORTS, waitForMail, withDb } from './harness';

/**
 * Issue 12 §4–5 as a tenant walks them (seeds 002, 004): the property page with whom to call, and
 * Documents with the landlord's files to download; a document for the customer is announced by e-mail
 * to its administrators, and a tenant of another property sees none of it.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = 'a long private passphrase';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function scenario() {
  const u = randomUUID().slice(0, 8);
  const world = await withDb(async (db) => {
    const landlord = await insertLandlord(db, { name: `Doc Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    const manager = await insertStaff(db, {
      landlordId: landlord.id,
      email: `manager-${u}@e2e.test`,
      name: `Maja Manager ${u}`,
      role: 'manager',
      password: STAFF_PASSWORD,
    });
    await db.update(staffUsers).set({ phone: '+46 31 123 45 67' }).where(eq(staffUsers.id, manager.id));
    const { property, units } = await insertProperty(
      db,
      {
        landlordId: landlord.id,
        name: `Haga ${u}`,
        street: 'Haga Nygata 5',
        postalCode: '413 01',
        city: 'Göteborg',
        managerId: manager.id,
      },
      [{ number: `H1-${u}`, type: 'apartment', address: 'Haga Nygata 5, lgh 1001' }],
    );
    await db
      .update(propertiesTable)
      .set({ yearBuilt: 1912, areaInfo: 'Recycling room in the courtyard.' })
      .where(eq(propertiesTable.id, property.id));
    const other = await insertProperty(
      db,
      { landlordId: landlord.id, name: `Majorna ${u}`, street: 'Karl Johansgatan 9', postalCode: '414 59', city: 'Göteborg' },
      [{ number: `M1-${u}`, type: 'apartment', address: 'Karl Johansgatan 9, lgh 1001' }],
    );
    const email = `main-${u}@e2e.test`;
    const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `Haga ${u} AB` }, [
      { name: 'Hanna Main', email },
    ]);
    await insertLease(db, {
      landlordId: landlord.id,
      customerId: customer.id,
      unitId: units[0]!.id,
      number: `D-${u}-1`,
      validFrom: '2024-01-01',
    });
    await insertPortalUser(db, { email, name: 'Hanna Main', password: PASSWORD }, [
      { landlordId: landlord.id, customerId: customer.id, contactId: contacts[0]!.id, role: 'main_admin' },
    ]);
    const otherEmail = `other-${u}@e2e.test`;
    const elsewhere = await insertCustomer(db, { landlordId: landlord.id, kind: 'person', name: `Olle ${u}` }, [
      { name: 'Olle Other', email: otherEmail },
    ]);
    await insertLease(db, {
      landlordId: landlord.id,
      customerId: elsewhere.customer.id,
      unitId: other.units[0]!.id,
      number: `D-${u}-2`,
      validFrom: '2024-01-01',
    });
    await insertPortalUser(db, { email: otherEmail, name: 'Olle Other', password: PASSWORD }, [
      { landlordId: landlord.id, customerId: elsewhere.customer.id, contactId: elsewhere.contacts[0]!.id, role: 'main_admin' },
    ]);
    return { u, manager, property, customer, email, otherEmail };
  });
  // Staff file the house rules for the property and a contract for the company, as the console does.
  const staff = await staffSession(world.manager.email);
  await staff.document(
    { scope: 'property', targetId: world.property.id, category: 'house_rules', title: `House rules ${u}` },
    'house-rules.pdf',
  );
  await staff.document(
    { scope: 'customer', targetId: world.customer.id, category: 'contract', title: `Parking contract ${u}` },
    'parking.pdf',
  );
  return world;
}

async function staffSession(email: string) {
  const base = env.tenantUrl;
  const login = await fetch(`${base}/api/v1/auth/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
    body: JSON.stringify({ email, password: STAFF_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const headers = { cookie, [CSRF_HEADER]: '1' };
  return {
    async document(fields: { scope: string; targetId: string; category: string; title: string }, filename: string) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), filename);
      const upload = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers, body: form });
      expect(upload.status).toBe(201);
      const { id } = (await upload.json()) as { id: string };
      const res = await fetch(`${base}/api/v1/documents`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ ...fields, attachmentId: id }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    },
  };
}

async function signIn(p: Page, email: string) {
  await p.goto(`${env.tenantUrl}/login`);
  await p.getByLabel('E-mail or username').fill(email);
  await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await p.waitForURL(/\/messages/);
}

describe('the property page and documents in the portal', () => {
  for (const size of ['desktop', 'phone'] as const) {
    it(`${size}: a tenant sees whom to call, downloads the house rules, and was told of the contract by e-mail`, async () => {
      const s = await scenario();
      // The company's document was announced to its main administrator (seed 004: a new file for you).
      const mail = await waitForMail(s.email, (m) => m.text.includes(`Parking contract ${s.u}`));
      expect(mail.text).toContain('/documents');

      const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB', acceptDownloads: true });
      const p = await context.newPage();
      try {
        await signIn(p, s.email);
        await openPortalSection(p, 'Property');
        await p.waitForURL(/\/property/);
        await p.getByRole('heading', { level: 1 }).waitFor();
        await p.getByText(`Maja Manager ${s.u}`).first().waitFor();
        await expect
          .poll(() => p.getByRole('link', { name: `+46 31 123 45 67 – call Maja Manager ${s.u}` }).getAttribute('href'))
          .toBe('tel:+46311234567');
        await p.getByText('Recycling room in the courtyard.').waitFor();
        await p.getByText('1912').waitFor();
        expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await expectAccessible(p, `/property (${size})`);

        await openPortalSection(p, 'Documents');
        await p.waitForURL(/\/documents/);
        await p.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
        await p.getByText(`Parking contract ${s.u}`).waitFor();
        const download = p.waitForEvent('download');
        await p.getByRole('link', { name: `Download House rules ${s.u}` }).click();
        const file = await download;
        expect(file.suggestedFilename()).toBe('house-rules.pdf');
        expect((await readFile((await file.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
        expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await expectAccessible(p, `/documents (${size})`);
      } finally {
        await context.close();
      }

      // A tenant of the other property sees neither the house rules nor the company's contract.
      const otherContext = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' });
      const o = await otherContext.newPage();
      try {
        await signIn(o, s.otherEmail);
        await o.goto(`${env.tenantUrl}/documents`);
        await o.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
        await o.getByText('There are no documents yet.').waitFor();
        expect(await o.getByText(`House rules ${s.u}`).count()).toBe(0);
        expect(await o.getByText(`Parking contract ${s.u}`).count()).toBe(0);
      } finally {
        await otherContext.close();
      }
    });
  }
});
