import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, signIn } from '../../../test/helpers';
import type { StaffActor } from '../../actors';
import { insertCustomer, insertProperty } from '../../db/fixtures';
import { upsertLeaseByExternalId } from './service';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('upsertLeaseByExternalId (the import and integrators)', () => {
  it('creates, updates (rent lines replaced), answers unchanged for the same input, and refuses unknown references', async () => {
    const l = await makeLandlord(t.app);
    const u = randomUUID().slice(0, 8);
    const { units } = await insertProperty(
      t.app.db,
      { landlordId: l.landlord.id, name: `Import ${u}`, street: 'Importgatan 1', postalCode: '111 22', city: 'Stockholm' },
      [
        { number: '1', type: 'office', address: 'Importgatan 1, plan 1', areaM2: '100' },
        { number: '2', type: 'parking', address: 'Importgatan 1, p 2' },
      ],
    );
    const customer = await insertCustomer(t.app.db, { landlordId: l.landlord.id, kind: 'company', name: `Importbolaget ${u} AB` }, []);
    await t.app.db.execute(sql`update customers set external_id = ${`C-${u}`} where id = ${customer.customer.id}`);
    await t.app.db.execute(sql`update units set external_id = ${`U1-${u}`} where id = ${units[0]!.id}`);
    await t.app.db.execute(sql`update units set external_id = ${`U2-${u}`} where id = ${units[1]!.id}`);
    const actor: StaffActor = {
      kind: 'staff',
      id: l.manager.id,
      landlordId: l.landlord.id,
      role: 'manager',
      name: 'Importer',
      email: l.manager.email,
    };
    const input = {
      externalId: `L-${u}`,
      number: `IMP-${u}`,
      type: 'commercial' as const,
      customerExternalId: `C-${u}`,
      unitExternalIds: [`U1-${u}`, `U2-${u}`],
      validFrom: '2025-01-01',
      rentLines: [
        { kind: 'rent' as const, description: 'Lokalhyra', amountMinor: 2_500_000, vatRate: 25 as const },
        { kind: 'parking' as const, amountMinor: 120_000, vatRate: 25 as const },
      ],
    };

    const created = await t.app.db.transaction((tx) => upsertLeaseByExternalId(tx, actor, input));
    expect(created.outcome).toBe('created');
    const manager = await signIn(t.app, 'staff', l.manager.email);
    const lease = (await manager.get(`/api/v1/leases/${created.id}`)).json();
    expect(lease).toMatchObject({ externalId: `L-${u}`, unitCount: 2, areaM2: 100, totals: { netMinor: 2_620_000, vatMinor: 655_000 } });

    // The same row again (units in another order, but the same main unit first): nothing written.
    const same = await upsertLeaseByExternalId(t.app.db, actor, { ...input, unitExternalIds: [`U1-${u}`, `U2-${u}`, `U2-${u}`] });
    expect(same).toEqual({ id: created.id, outcome: 'unchanged' });
    const entries = async () => (await manager.get(`/api/v1/history/lease/${created.id}`)).json().items;
    expect(await entries()).toHaveLength(1);

    // A new rent: the lines in the input replace the stored ones.
    const updated = await upsertLeaseByExternalId(t.app.db, actor, {
      ...input,
      rentLines: [{ kind: 'rent', description: 'Lokalhyra', amountMinor: 2_600_000, vatRate: 25 }],
    });
    expect(updated).toEqual({ id: created.id, outcome: 'updated' });
    const after = (await manager.get(`/api/v1/leases/${created.id}`)).json();
    expect(after.rentLines).toHaveLength(1);
    expect(after.totals.netMinor).toBe(2_600_000);
    const history = await entries();
    expect(history.map((e: { action: string }) => e.action)).toEqual(['updated', 'created']);
    expect(Object.keys(history[0].changes)).toEqual(['rentLines']);

    // Unknown references and broken rows: errors with codes; the caller's transaction is not half-written.
    await expect(
      upsertLeaseByExternalId(t.app.db, actor, { ...input, externalId: `N-${u}`, customerExternalId: 'nobody' }),
    ).rejects.toMatchObject({
      statusCode: 404,
      resource: 'customer',
    });
    await expect(
      upsertLeaseByExternalId(t.app.db, actor, { ...input, externalId: `N-${u}`, unitExternalIds: ['nowhere'] }),
    ).rejects.toMatchObject({
      statusCode: 404,
      resource: 'unit',
    });
    await expect(upsertLeaseByExternalId(t.app.db, actor, { ...input, type: 'residential' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'vat_not_allowed_on_residential',
    });
    await expect(
      upsertLeaseByExternalId(t.app.db, actor, { ...input, externalId: `N-${u}`, validFrom: '2020-01-01', validTo: '2020-12-31' }),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: 'lease_number_taken',
    });
    // Finance may not write; another landlord's actor finds nothing of this one's.
    await expect(upsertLeaseByExternalId(t.app.db, { ...actor, role: 'finance' }, input)).rejects.toMatchObject({ statusCode: 403 });
    const other = await makeLandlord(t.app);
    await expect(upsertLeaseByExternalId(t.app.db, { ...actor, landlordId: other.landlord.id }, input)).rejects.toMatchObject({
      statusCode: 404,
      resource: 'customer',
    });
  });
});
