import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeLandlord, uniqueOrgNumber } from '../../../test/helpers';
import { insertCustomer, insertLease } from '../../db/fixtures';
import { units } from '../../db/schema/properties';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A company with an active lease at a landlord of the given policy. */
async function companyAt(policy: 'standard' | 'classic', orgNumber = uniqueOrgNumber()) {
  const l = await makeLandlord(t.app, { passwordPolicy: policy });
  const { customer } = await insertCustomer(
    t.app.db,
    {
      landlordId: l.landlord.id,
      kind: 'company',
      name: `Policy AB ${orgNumber}`,
      identityNumber: orgNumber,
      email: `p-${orgNumber}@x.test`,
    },
    [],
  );
  const [unit] = await t.app.db.select().from(units).where(eq(units.landlordId, l.landlord.id));
  await insertLease(t.app.db, {
    landlordId: l.landlord.id,
    customerId: customer.id,
    unitId: unit!.id,
    number: `P-${orgNumber}`,
    validFrom: '2025-01-01',
  });
  return orgNumber;
}

const policiesFor = (identityNumber: string) => new Client(t.app).post('/api/v1/auth/portal/signup/policy', { identityNumber });

describe('the password policy a sign-up must meet, before the password is typed', () => {
  it("answers the landlord's policy, every policy when the number is a customer of several, and standard for no match", async () => {
    const classic = await companyAt('classic');
    const dashed = `${classic.slice(0, 6)}-${classic.slice(6)}`;
    expect((await policiesFor(dashed)).json()).toEqual({ policies: ['classic'] });
    expect((await policiesFor(await companyAt('standard'))).json()).toEqual({ policies: ['standard'] });
    const both = await companyAt('standard');
    await companyAt('classic', both);
    expect((await policiesFor(both)).json()).toEqual({ policies: ['classic', 'standard'] });
    expect((await policiesFor(uniqueOrgNumber())).json()).toEqual({ policies: ['standard'] });
  });

  it('refuses a malformed number with a code', async () => {
    const res = await policiesFor('12345678-1');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('identity_number_invalid');
  });
});
