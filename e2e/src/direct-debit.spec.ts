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
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, expectAccessible, launch, STAFF_PASSWORD, VIEWPORTS, withDb } from './harness';

/**
 * Issue 11 §4 (seed 004): a Danish tenant main administrator opens Betaling → Betalingsservice,
 * creates a payment agreement ("Opret betalingsaftale": reg. no., account, CPR, name, the terms
 * accepted, "Opret"), sees it pending; finance (in Danish too) activates it in the console; the tenant sees it active.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const CSRF = { 'x-portico-csrf': '1' };
const PASSWORD = 'e2e tenant passphrase 2026';

async function danishScenario() {
  return withDb(async (db) => {
    const u = randomUUID().slice(0, 8);
    const landlord = await insertLandlord(db, { name: `Nordhavn Ejendomme ${u}`, country: 'DK', defaultLocale: 'da', portalEnabled: true });
    const finance = await insertStaff(db, {
      landlordId: landlord.id,
      email: `finance-${u}@e2e.test`,
      name: `Frida Finance ${u}`,
      role: 'finance',
      password: STAFF_PASSWORD,
      locale: 'da',
    });
    const { units } = await insertProperty(
      db,
      { landlordId: landlord.id, name: 'Havnegade 4', street: 'Havnegade 4', postalCode: '2150', city: 'Nordhavn' },
      [{ number: '3 tv', type: 'apartment', address: `Havnegade 4, 3. tv ${u}` }],
    );
    const email = `jens-${u}@e2e.test`;
    const { customer, contacts } = await insertCustomer(db, { landlordId: landlord.id, kind: 'person', name: `Jens Hansen ${u}` }, [
      { name: `Jens Hansen ${u}`, email },
    ]);
    const lease = await insertLease(db, {
      landlordId: landlord.id,
      customerId: customer.id,
      unitId: units[0]!.id,
      number: `DK-${u}`,
      validFrom: '2025-01-01',
    });
    await insertPortalUser(db, { email, name: `Jens Hansen ${u}`, password: PASSWORD, locale: 'da' }, [
      { landlordId: landlord.id, customerId: customer.id, contactId: contacts[0]!.id, role: 'main_admin' },
    ]);
    // A March notice not yet due: activation puts the agreement on it, and the collection run pays it.
    const notice = await insertInvoice(db, {
      landlordId: landlord.id,
      customerId: customer.id,
      leaseId: lease.id,
      status: 'unpaid',
      dueDate: '2099-03-01',
      period: '2099-03',
      totalMinor: 850_000,
    });
    return { u, finance, customer, lease, email, notice };
  });
}

for (const [size, device] of Object.entries(VIEWPORTS)) {
  describe(`direct debit at ${size} size`, () => {
    const contexts: BrowserContext[] = [];
    afterAll(async () => {
      for (const c of contexts) await c.close();
    });

    it('a Danish main administrator creates a Betalingsservice agreement; finance activates it and confirms the collection', async () => {
      const s = await danishScenario();
      const tenantContext = await browser.newContext({ ...device, locale: 'da-DK' });
      contexts.push(tenantContext);
      const login = await tenantContext.request.post(`${env.tenantUrl}/api/v1/auth/portal/login`, {
        data: { email: s.email, password: PASSWORD },
        headers: CSRF,
      });
      expect(login.status()).toBe(200);
      const tenant = await tenantContext.newPage();
      await tenant.goto(`${env.tenantUrl}/invoices/direct-debit`);
      await tenant.getByRole('heading', { level: 1, name: 'Betalingsservice' }).waitFor();
      await tenant.getByRole('button', { name: 'Opret betalingsaftale' }).click();
      await tenant.getByRole('heading', { name: 'Opret betalingsaftale' }).waitFor();
      await tenant.getByText('Betalingsaftale via Betalingsservice').waitFor();
      await expectAccessible(tenant, `create payment agreement (${size})`);

      // A wrong reg. no. is caught in the browser by the same rule the API applies.
      await tenant.getByLabel('Reg.nr.').fill('123');
      await tenant.getByLabel('Kontonummer').fill('0012345678');
      await tenant.getByLabel('CPR- eller CVR-nummer').fill('211062-5629');
      await tenant.getByLabel('Kontohaverens navn').fill(`Jens Hansen ${s.u}`);
      await tenant.getByRole('button', { name: 'Opret', exact: true }).click();
      await tenant.getByText('Registreringsnummeret er ikke gyldigt').waitFor();
      await tenant.getByText('Accepter betingelserne for at fortsætte.').waitFor();
      await tenant.getByLabel('Reg.nr.').fill('1234');
      await tenant.getByLabel('Jeg har læst og accepterer betingelserne').check();
      await tenant.getByRole('button', { name: 'Opret', exact: true }).click();
      await expect.poll(() => tenant.getByTestId('mandate-status').textContent(), { timeout: 10_000 }).toBe('Afventer');
      await tenant.getByText('Konto 1234 ••••5678').waitFor();
      await expectAccessible(tenant, `pending agreement (${size})`);

      // --- Finance activates it in the console ---
      const financeContext = await browser.newContext({ ...device, locale: 'da-DK' });
      contexts.push(financeContext);
      const staffLogin = await financeContext.request.post(`${env.adminUrl}/api/v1/auth/staff/login`, {
        data: { email: s.finance.email, password: STAFF_PASSWORD },
        headers: CSRF,
      });
      expect(staffLogin.status()).toBe(200);
      const desk = await financeContext.newPage();
      await desk.goto(`${env.adminUrl}/billing/mandates?status=pending`);
      await desk.getByRole('heading', { level: 1, name: 'Betalingsaftaler' }).waitFor();
      const row = desk.getByTestId('mandate-row').filter({ hasText: s.customer.name });
      await row.waitFor();
      await expect.poll(() => row.textContent()).toContain('Afventer');
      await expectAccessible(desk, `mandates (${size})`);
      await row.getByRole('button', { name: 'Aktivér' }).click();
      // Activated, it leaves the list of pending agreements.
      await row.waitFor({ state: 'detached', timeout: 10_000 });

      await desk.goto(`${env.adminUrl}/billing/mandates?status=active`);
      await desk.getByTestId('mandate-row').filter({ hasText: s.customer.name }).getByText('Aktiv', { exact: true }).waitFor();

      // --- Finance confirms the bank's collection run for 1 March ---
      await desk.goto(`${env.adminUrl}/billing/collections`);
      await desk.getByRole('heading', { level: 1, name: 'Træk' }).waitFor();
      await desk.getByLabel('Trækningsdato').fill('2099-03-01');
      await desk.getByRole('button', { name: 'Vis opkrævninger' }).click();
      await desk.getByRole('cell', { name: s.customer.name }).waitFor();
      await expect.poll(() => desk.getByTestId('collection-total').textContent()).toMatch(/^1 opkrævning, 8\.500,00\s?kr\.$/);
      await expectAccessible(desk, `collections (${size})`);
      await desk.getByRole('button', { name: 'Bekræft træk af 1 opkrævning' }).click();
      await desk.getByText('1 betaling bogført (0 allerede betalt).').waitFor();

      // --- The tenant sees it active ---
      await tenant.reload();
      await expect.poll(() => tenant.getByTestId('mandate-status').textContent(), { timeout: 10_000 }).toBe('Aktiv');
      await tenant.getByRole('button', { name: 'Opsig aftalen' }).waitFor();
    });
  });
}
