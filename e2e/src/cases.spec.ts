import { randomUUID } from 'node:crypto';
import { insertCustomer, insertLandlord, insertLease, insertPortalUser, insertProperty, insertStaff } from '@portico/api/src/db/fixtures';
import { formatMonth } from '@portico/shared/months';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, openPortalSection, PHOTO, STAFF_PASSWORD, VIEWPORTS, waitForMail, withDb } from './harness';

/** Issue 4's flow as people walk it: report on a phone, work it in the console, follow it, see the dashboard. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = 'a long private passphrase';

async function visible(p: Page, text: string | RegExp) {
  await p.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function scenario() {
  const u = randomUUID().slice(0, 8);
  return withDb(async (db) => {
    const landlord = await insertLandlord(db, { name: `Case Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    const staff = await insertStaff(db, {
      landlordId: landlord.id,
      email: `manager-${u}@e2e.test`,
      name: `Maria Manager ${u}`,
      role: 'manager',
      password: STAFF_PASSWORD,
    });
    const technician = await insertStaff(db, {
      landlordId: landlord.id,
      email: `tech-${u}@e2e.test`,
      name: `Tom Technician ${u}`,
      role: 'technician',
      password: STAFF_PASSWORD,
    });
    const { units } = await insertProperty(
      db,
      { landlordId: landlord.id, name: `Kajen ${u}`, street: 'Kajen 1', postalCode: '411 04', city: 'Göteborg', managerId: staff.id },
      [{ number: '4', type: 'office', address: `Kajen 1, plan 4 ${u}` }],
    );
    const tenantEmail = `reporter-${u}@e2e.test`;
    const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `Caseco ${u} AB` }, [
      { name: 'Rita Reporter', email: tenantEmail },
    ]);
    await insertLease(db, {
      landlordId: landlord.id,
      customerId: customer.id,
      unitId: units[0]!.id,
      number: `C-${u}`,
      validFrom: '2025-01-01',
    });
    await insertPortalUser(db, { email: tenantEmail, name: 'Rita Reporter', password: PASSWORD }, [
      { landlordId: landlord.id, customerId: customer.id, contactId: contacts[0]!.id, role: 'main_admin' },
    ]);
    return { u, landlord, staff, technician, tenantEmail };
  });
}

describe('service case end to end', () => {
  it('a tenant reports on a phone; staff assign, reply, record a signed work order and resolve; the tenant sees it all; the dashboard drills down', async () => {
    const s = await scenario();
    const title = `Dishwasher does not drain ${s.u}`;

    // --- The tenant reports a fault with a photo, on a phone ---
    const phone = await (await browser.newContext({ ...VIEWPORTS.phone, locale: 'en-GB' })).newPage();
    await phone.goto(`${env.tenantUrl}/login`);
    await phone.getByLabel('E-mail or username').fill(s.tenantEmail);
    await phone.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await phone.getByRole('button', { name: 'Sign in', exact: true }).click();
    await phone.waitForURL(/\/messages/);
    await phone.getByRole('link', { name: 'Cases', exact: true }).click();
    await phone.waitForURL(/\/cases/);
    await phone.getByRole('link', { name: '+ New case' }).click();
    await phone.getByLabel('Title').fill(title);
    await phone.getByLabel('Description').fill('Water stays in the bottom after every run.');
    await expect.poll(() => phone.getByLabel('Street and flat number').inputValue(), { timeout: 10_000 }).toContain('Kajen 1');
    await phone.getByLabel('Invoice marking').fill('KST 4410');
    await phone.getByLabel('Photos and files').setInputFiles({ name: 'dishwasher.png', mimeType: 'image/png', buffer: PHOTO });
    await visible(phone, 'dishwasher.png');
    await expectAccessible(phone, 'new case');
    await phone.getByRole('button', { name: 'Send case' }).click();
    await phone.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await visible(phone, title);
    await expectAccessible(phone, 'case page (tenant)');
    const caseUrl = phone.url();
    const caseId = caseUrl.split('/').pop()!;
    const confirmation = await waitForMail(s.tenantEmail, (m) => m.subject.includes(title));
    expect(confirmation.text).toContain(`/cases/${caseId}`);

    // --- Staff work it in the console ---
    const desk = await (await browser.newContext({ ...VIEWPORTS.desktop, locale: 'en-GB' })).newPage();
    await desk.goto(`${env.adminUrl}/login`);
    await desk.getByLabel('E-mail').fill(s.staff.email);
    await desk.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.waitForURL(/\/(messages|cases)/);
    await desk.getByRole('link', { name: 'Cases', exact: true }).click();
    await desk
      .getByRole('link', { name: new RegExp(title) })
      .first()
      .click();
    await desk.waitForURL(new RegExp(`/cases/${caseId}`));
    await visible(desk, 'dishwasher.png');
    await expectAccessible(desk, 'case page (console)');

    // Routed to the property's manager on arrival; the manager hands it to the technician.
    await desk.getByLabel('Assignee').selectOption({ label: s.technician.name });
    await desk.getByRole('button', { name: 'Assign' }).click();
    // Saved once the button is idle again: the case's assignee is now the one selected.
    await expect.poll(() => desk.getByRole('button', { name: 'Assign' }).isDisabled(), { timeout: 10_000 }).toBe(true);
    await desk.getByRole('button', { name: 'Acknowledge' }).click();
    await desk.getByRole('button', { name: 'Start work' }).waitFor();
    await desk.getByRole('textbox', { name: 'Message' }).fill('A technician comes Tuesday 9–12.');
    await desk.getByRole('button', { name: 'Add' }).click();
    await visible(desk, 'A technician comes Tuesday 9–12.');
    await desk.getByRole('button', { name: 'Start work' }).click();

    await desk.getByLabel('What was done').fill('Replaced the drain pump');
    await desk.getByLabel('Time (minutes)').fill('90');
    await desk.getByLabel('Material cost').fill('1250');
    await desk.getByRole('button', { name: 'Record work order' }).click();
    await visible(desk, 'Replaced the drain pump');
    await desk.getByLabel('Customer name').fill('Rita Reporter');
    const pad = desk.getByLabel('Signature area');
    const box = (await pad.boundingBox())!;
    await desk.mouse.move(box.x + 20, box.y + box.height / 2);
    await desk.mouse.down();
    for (let i = 1; i <= 10; i++) await desk.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 ? 15 : -15));
    await desk.mouse.up();
    await desk.getByRole('button', { name: 'Save signature' }).click();
    await visible(desk, 'Rita Reporter');
    await desk.getByRole('button', { name: 'Resolve' }).click();
    await desk.getByRole('button', { name: 'Close' }).waitFor();
    await expectAccessible(desk, 'case page after work (console)');

    // --- The tenant sees the whole history ---
    await phone.goto(caseUrl);
    await visible(phone, 'A technician comes Tuesday 9–12.');
    await visible(phone, 'Replaced the drain pump');
    await visible(phone, 'Signed delivery note');
    await visible(phone, 'Resolved');
    const update = await waitForMail(s.tenantEmail, (m) => m.text.includes('A technician comes Tuesday 9–12.'));
    expect(update.text).toContain(`/cases/${caseId}`);
    await waitForMail(s.tenantEmail, (m) => m.subject.includes('updated') && m.text.includes('Resolved'));

    // --- The main administrator drills down from the dashboard ---
    await openPortalSection(phone, 'Dashboard');
    await phone.waitForURL(/\/dashboard/);
    const month = new Date().toISOString().slice(0, 7);
    const bar = phone.getByRole('link', { name: new RegExp(`^${formatMonth(month, 'en')}:`) });
    await bar.waitFor({ timeout: 15_000 });
    await expectAccessible(phone, 'dashboard');
    await bar.click();
    await phone.waitForURL(new RegExp(`/cases\\?.*month=${month}`));
    await visible(phone, title);
    await phone.context().close();
    await desk.context().close();
  });
});
