import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, makeLandlord, signIn } from '../../../test/helpers';
import { insertProperty } from '../../db/fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// The console's property filter, "inform all tenants of a property" and the objects page read this list.
it('lists the landlord’s properties with the number of customers holding an active lease there', async () => {
  const l = await makeLandlord(t.app);
  const other = await makeLandlord(t.app);
  await insertProperty(
    t.app.db,
    { landlordId: l.landlord.id, name: 'Annexet', street: 'Annexgatan 2', postalCode: '111 12', city: 'Stockholm' },
    [{ number: 'P1', type: 'parking', address: 'Annexgatan 2, p-plats 1' }],
  );
  const admin = await signIn(t.app, 'staff', l.admin.email);
  const res = await admin.get('/api/v1/property-options');
  expect(res.statusCode).toBe(200);
  // Two customers (the household with two leases counts once, the company once) at Testgatan 1; none at the annex.
  expect(res.json().items).toEqual([
    { id: expect.any(String), name: 'Annexet', customerCount: 0 },
    { id: l.property.id, name: 'Testgatan 1', customerCount: 2 },
  ]);
  expect(res.json().items.map((p: { id: string }) => p.id)).not.toContain(other.property.id);
});
