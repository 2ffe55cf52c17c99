import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, PASSWORD, signIn } from '../../../test/helpers';
import { insertPortalUser } from '../../db/fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Issue 12 SHELL: the portal hides company features (Organisation, Dashboard) from a one-person household. */
describe('membership.household', () => {
  it('is true for a private customer with one portal member, false with a second member and for a company', async () => {
    const l = await makeLandlord(t.app);
    const email = `solo-${crypto.randomUUID().slice(0, 8)}@tenant.test`;
    await insertPortalUser(t.app.db, { email, name: 'Solo', password: PASSWORD }, [
      { landlordId: l.landlord.id, customerId: l.household.customer.id, role: 'main_admin' },
    ]);
    const solo = await signIn(t.app, 'portal', email);
    const household = async () => (await solo.get('/api/v1/auth/portal/me')).json().memberships[0].household;
    expect(await household()).toBe(true);

    const company = await signIn(t.app, 'portal', l.companyUser.email);
    expect((await company.get('/api/v1/auth/portal/me')).json().memberships[0].household).toBe(false);

    // A second person in the household: it is no longer a one-person household.
    await insertPortalUser(
      t.app.db,
      { email: `partner-${crypto.randomUUID().slice(0, 8)}@tenant.test`, name: 'Partner', password: PASSWORD },
      [{ landlordId: l.landlord.id, customerId: l.household.customer.id, role: 'user' }],
    );
    expect(await household()).toBe(false);
  });
});
