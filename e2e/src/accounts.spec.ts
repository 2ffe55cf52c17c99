import { randomUUID } from 'node:crypto';
import { insertCustomer, insertLandlord, insertLease, insertPortalUser, insertProperty } from '@portico/api/src/db/fixtures';
import { portalUsers } from '@portico/api/src/db/schema/portal-users';
import { uniqueOrgNumber, uniquePersonalNumber } from '@portico/api/test/helpers';
import { createMessageThread } from '@portico/api/test/scenarios';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, VIEWPORTS, waitForMail, waitForSms, withDb } from './harness';

/** Issue 3's flows as people walk them: sign-up by org number, roles, switching, e-ID. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = 'a long private passphrase';

async function page(size: keyof typeof VIEWPORTS = 'desktop'): Promise<Page> {
  const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' });
  return context.newPage();
}

async function visible(p: Page, text: string | RegExp) {
  await p.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function signInPortal(p: Page, login: string) {
  await p.goto(`${env.tenantUrl}/login`);
  await p.getByLabel('E-mail or username').fill(login);
  await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await p.waitForURL(/\/messages/);
}

/** An English-speaking landlord with one property and units. */
async function landlordWithUnits(u: string) {
  return withDb(async (db) => {
    const landlord = await insertLandlord(db, { name: `Accounts Homes ${u}`, country: 'SE', defaultLocale: 'en', portalEnabled: true });
    const { units } = await insertProperty(
      db,
      { landlordId: landlord.id, name: 'Testvägen 5', street: 'Testvägen 5', postalCode: '411 01', city: 'Göteborg' },
      [
        { number: 'A', type: 'office', address: `Testvägen 5, office A ${u}` },
        { number: 'B', type: 'office', address: `Testvägen 5, office B ${u}` },
      ],
    );
    return { landlord, units };
  });
}

describe('seed 001: sign-up by organisation number, verified by SMS (phone size)', () => {
  it('finds the company, sends the code to the mobile on record, and signs the new user in', async () => {
    const u = randomUUID().slice(0, 8);
    const { landlord, units } = await landlordWithUnits(u);
    const orgNumber = uniqueOrgNumber();
    const phone = `+46709${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    await withDb(async (db) => {
      const { customer } = await insertCustomer(
        db,
        { landlordId: landlord.id, kind: 'company', name: `Signup ${u} AB`, identityNumber: orgNumber, phone },
        [],
      );
      await insertLease(db, {
        landlordId: landlord.id,
        customerId: customer.id,
        unitId: units[0]!.id,
        number: `S-${u}`,
        validFrom: '2025-01-01',
      });
    });

    const p = await page('phone');
    await p.goto(`${env.tenantUrl}/login`);
    await p.getByRole('link', { name: 'Create account' }).click();
    await p.waitForURL(/\/signup/);
    await expectAccessible(p, 'sign-up start');
    await p.getByLabel('Organisation or personal identity number').fill(`${orgNumber.slice(0, 6)}-${orgNumber.slice(6)}`);
    await p.getByLabel('Username').fill(`signup${u}`);
    await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await p.getByLabel('Confirm password').fill(PASSWORD);
    await p.getByRole('button', { name: 'Next' }).click();

    await visible(p, 'Verify by');
    await expectAccessible(p, 'sign-up channel');
    await p.getByRole('radio', { name: /SMS to/ }).check();
    await p.getByRole('button', { name: 'Send code' }).click();
    const sms = await waitForSms(phone);
    const code = sms.message.match(/\b\d{6}\b/)![0];

    await p.getByLabel('Code', { exact: true }).fill(code);
    await expectAccessible(p, 'sign-up code');
    await p.getByRole('button', { name: 'Verify' }).click();
    await p.getByLabel('Your name').waitFor();
    await expectAccessible(p, 'sign-up profile');
    await p.getByLabel('Your name').fill('Signe Signup');
    await p.getByLabel('E-mail', { exact: true }).fill(`signe-${u}@e2e.test`);
    await p.getByRole('button', { name: 'Create account' }).click();
    await p.waitForURL(/\/messages/);
    await visible(p, `Accounts Homes ${u}`);
    await p.context().close();
  });
});

describe('seed 002: roles in the organisation', () => {
  it('a main administrator invites an administrator, who cannot create a main administrator', async () => {
    const u = randomUUID().slice(0, 8);
    const { landlord, units } = await landlordWithUnits(u);
    const mainEmail = `main-${u}@e2e.test`;
    await withDb(async (db) => {
      const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `Roles ${u} AB` }, [
        { name: 'Mona Main', email: mainEmail },
      ]);
      await insertLease(db, {
        landlordId: landlord.id,
        customerId: customer.id,
        unitId: units[0]!.id,
        number: `R-${u}`,
        validFrom: '2025-01-01',
      });
      await insertPortalUser(db, { email: mainEmail, name: 'Mona Main', password: PASSWORD }, [
        { landlordId: landlord.id, customerId: customer.id, contactId: contacts[0]!.id, role: 'main_admin' },
      ]);
    });

    const main = await page('desktop');
    await signInPortal(main, mainEmail);
    await main.getByRole('link', { name: 'Organisation' }).click();
    await main.waitForURL(/\/organisation/);
    await visible(main, 'Mona Main');
    await expectAccessible(main, 'organisation');
    const adminEmail = `admin-${u}@e2e.test`;
    await main.getByLabel('E-mail', { exact: true }).fill(adminEmail);
    await main.getByLabel('Name', { exact: true }).fill('Adam Admin');
    await main.getByLabel('Role', { exact: true }).selectOption({ label: 'Administrator' });
    await main.getByRole('button', { name: 'Invite' }).click();
    await visible(main, adminEmail);

    const invitation = await waitForMail(adminEmail);
    const link = invitation.text.match(/https?:\/\/\S+\/invitation\/[\w-]+/)![0];
    const admin = await page('desktop');
    await admin.goto(link);
    await admin.getByLabel('Your name').fill('Adam Admin');
    await admin.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await admin.getByLabel('Confirm password').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Create account' }).click();
    await admin.waitForURL(/\/messages/);

    await admin.getByRole('link', { name: 'Organisation' }).click();
    await admin.getByLabel('Role', { exact: true }).waitFor();
    const offered = await admin.getByLabel('Role', { exact: true }).locator('option').allTextContents();
    expect(offered).toEqual(['Administrator', 'User']);
    // Not in the menu, and not through the API either.
    const refused = await admin.evaluate(async () => {
      const res = await fetch('/api/v1/portal/organisation/invitations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-portico-csrf': '1' },
        body: JSON.stringify({ email: 'boss@e2e.test', name: 'Boss', role: 'main_admin' }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'role_ceiling' } } });
    await expect.poll(() => admin.getByRole('link', { name: 'Invoices' }).count()).toBe(0);
    await main.context().close();
    await admin.context().close();
  });
});

describe('seeds 000/002: switching organisation', () => {
  it('shows each customer’s own messages after switching in the header', async () => {
    const u = randomUUID().slice(0, 8);
    const { landlord, units } = await landlordWithUnits(u);
    const email = `both-${u}@e2e.test`;
    const subjects = await withDb(async (db) => {
      const one = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `First ${u} AB` }, []);
      const two = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `Second ${u} AB` }, []);
      const leaseOne = await insertLease(db, {
        landlordId: landlord.id,
        customerId: one.customer.id,
        unitId: units[0]!.id,
        number: `W1-${u}`,
        validFrom: '2025-01-01',
      });
      const leaseTwo = await insertLease(db, {
        landlordId: landlord.id,
        customerId: two.customer.id,
        unitId: units[1]!.id,
        number: `W2-${u}`,
        validFrom: '2025-01-01',
      });
      const user = await insertPortalUser(db, { email, name: 'Sam Switch', password: PASSWORD }, [
        { landlordId: landlord.id, customerId: one.customer.id, role: 'main_admin' },
        { landlordId: landlord.id, customerId: two.customer.id, role: 'user' },
      ]);
      await createMessageThread(db, {
        landlordId: landlord.id,
        customerId: one.customer.id,
        leaseId: leaseOne.id,
        subject: `About office A ${u}`,
        portalUser: user,
      });
      await createMessageThread(db, {
        landlordId: landlord.id,
        customerId: two.customer.id,
        leaseId: leaseTwo.id,
        subject: `About office B ${u}`,
        portalUser: user,
      });
      return { one: `About office A ${u}`, two: `About office B ${u}` };
    });

    const p = await page('phone');
    await signInPortal(p, email);
    await p.getByRole('tab', { name: /Sent/ }).click();
    await visible(p, subjects.one);
    expect(await p.getByText(subjects.two).count()).toBe(0);
    // Issue 12 SHELL: the tenancy switcher is in the account menu.
    await p.getByRole('button', { name: 'Account' }).click();
    const switcher = p.getByLabel('Tenancy');
    const target = (await switcher.locator('option').allTextContents()).find((o) => o.includes(`Second ${u} AB`))!;
    await switcher.selectOption({ label: target });
    await p.getByRole('tab', { name: /Sent/ }).click();
    await visible(p, subjects.two);
    expect(await p.getByText(subjects.one).count()).toBe(0);
    // A plain user of the second customer has no organisation page.
    expect(await p.getByRole('link', { name: 'Organisation' }).count()).toBe(0);
    await expectAccessible(p, 'messages after switching');
    await p.context().close();
  });
});

describe('seed 002: sign in with e-ID', () => {
  it('signs in through the local BankID broker with the linked personal number', async () => {
    const u = randomUUID().slice(0, 8);
    const { landlord, units } = await landlordWithUnits(u);
    const ssn = uniquePersonalNumber();
    await withDb(async (db) => {
      const { customer } = await insertCustomer(db, { landlordId: landlord.id, kind: 'company', name: `Eid ${u} AB` }, []);
      await insertLease(db, {
        landlordId: landlord.id,
        customerId: customer.id,
        unitId: units[0]!.id,
        number: `E-${u}`,
        validFrom: '2025-01-01',
      });
      const user = await insertPortalUser(db, { email: `eid-${u}@e2e.test`, name: 'Erik Eid', password: PASSWORD }, [
        { landlordId: landlord.id, customerId: customer.id, role: 'main_admin' },
      ]);
      await db.update(portalUsers).set({ identityNumber: ssn, identityVerifiedAt: new Date() }).where(eq(portalUsers.id, user.id));
    });

    const p = await page('desktop');
    await p.goto(`${env.tenantUrl}/login`);
    await p.getByRole('button', { name: 'Sign in with BankID' }).click();
    await p.getByLabel('Personal identity number').waitFor();
    await expectAccessible(p, 'e-ID broker');
    await p.getByLabel('Personal identity number').fill(ssn);
    await p.getByLabel('Name').fill('Erik Eid');
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.waitForURL(new RegExp(`^${env.tenantUrl}/messages`));
    await visible(p, `Accounts Homes ${u}`);
    await expectAccessible(p, 'messages after e-ID');
    await p.context().close();
  });
});
