import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, PASSWORD, PDF, PNG, signIn } from '../../../test/helpers';
import { insertLandlord, insertStaff } from '../../db/fixtures';
import { leases } from '../../db/schema/leases';
import { upsertPropertyByExternalId, upsertUnitByExternalId } from './service';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tag = () => randomUUID().slice(0, 8);

async function setUp() {
  const l = await makeLandlord(t.app);
  const finance = await insertStaff(t.app.db, {
    landlordId: l.landlord.id,
    email: `finance-${tag()}@staff.test`,
    name: 'Finance',
    role: 'finance',
    password: PASSWORD,
  });
  return {
    l,
    admin: await signIn(t.app, 'staff', l.admin.email),
    manager: await signIn(t.app, 'staff', l.manager.email),
    finance: await signIn(t.app, 'staff', finance.email),
    technician: await signIn(t.app, 'staff', l.technician.email),
  };
}

const heden = (more: Record<string, unknown> = {}) => ({
  name: 'Heden 12',
  designation: 'Göteborg Heden 12:3',
  street: 'Hedsgatan 4',
  postalCode: '41106',
  city: 'Göteborg',
  ...more,
});

const actorOf = (l: Awaited<ReturnType<typeof makeLandlord>>) => ({
  kind: 'staff' as const,
  id: l.manager.id,
  landlordId: l.landlord.id,
  role: 'manager' as const,
  name: l.manager.name,
  email: l.manager.email,
});

describe('properties', () => {
  it('a manager creates a property with facts and contacts; the SE postal code is stored as NNN NN', async () => {
    const { l, manager } = await setUp();
    const res = await manager.post(
      '/api/v1/properties',
      heden({
        description: 'Sekelskifteshus',
        yearBuilt: 1912,
        totalAreaM2: 2450.5,
        floors: 5,
        facts: [{ label: 'Hiss', value: 'Ja' }],
        areaInfo: 'Sopsortering på gården, tvättstuga i källaren.',
        managerId: l.manager.id,
        customerManagerId: l.admin.id,
        portalEnabled: true,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: 'Heden 12',
      designation: 'Göteborg Heden 12:3',
      postalCode: '411 06',
      yearBuilt: 1912,
      totalAreaM2: 2450.5,
      floors: 5,
      facts: [{ label: 'Hiss', value: 'Ja' }],
      manager: { id: l.manager.id, name: l.manager.name },
      customerManager: { id: l.admin.id },
      portalEnabled: true,
      unitCount: 0,
      archivedAt: null,
      images: [],
    });
    expect((await manager.get(`/api/v1/properties/${p.id}`)).json()).toEqual(p);
  });

  it('checks the postal code against the landlord’s country (SE NNN NN, DK four digits)', async () => {
    const { admin } = await setUp();
    for (const postalCode of ['2100', '4110 6', 'ABC DE']) {
      const res = await admin.post('/api/v1/properties', heden({ postalCode }));
      expect(res.statusCode, postalCode).toBe(400);
      expect(res.json().error.code).toBe('postal_code_invalid');
    }
    const dk = await insertLandlord(t.app.db, { name: `DK ${tag()}`, country: 'DK', defaultLocale: 'da' });
    const dkAdmin = await insertStaff(t.app.db, {
      landlordId: dk.id,
      email: `dk-${tag()}@staff.test`,
      name: 'DK',
      role: 'admin',
      password: PASSWORD,
    });
    const client = await signIn(t.app, 'staff', dkAdmin.email);
    const wrong = await client.post('/api/v1/properties', heden({ postalCode: '411 06', city: 'København' }));
    expect(wrong.json().error.code).toBe('postal_code_invalid');
    const ok = await client.post('/api/v1/properties', heden({ postalCode: '2100', designation: '12a Heden, København' }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().postalCode).toBe('2100');
    // A patch is checked too.
    expect((await client.patch(`/api/v1/properties/${ok.json().id}`, { postalCode: '41106' })).json().error.code).toBe(
      'postal_code_invalid',
    );
  });

  it('refuses bad fields with 400 and staff of another landlord as contacts with 404', async () => {
    const { admin } = await setUp();
    const other = await makeLandlord(t.app);
    for (const bad of [
      { name: '' },
      { yearBuilt: 3000 },
      { totalAreaM2: 0 },
      { floors: -1 },
      { facts: [{ label: '', value: 'x' }] },
      { name: 'A\nB' },
      { street: undefined },
    ]) {
      const res = await admin.post('/api/v1/properties', heden(bad));
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const res = await admin.post('/api/v1/properties', heden({ managerId: other.manager.id }));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.resource).toBe('user');
    expect((await admin.post('/api/v1/properties', heden({ customerManagerId: randomUUID() }))).statusCode).toBe(404);
  });

  it('lists with search, sort, manager filter, archived filter and keyset pages', async () => {
    const { l, admin } = await setUp();
    const make = async (name: string, designation: string, city: string, managerId: string | null) =>
      (
        await admin.post('/api/v1/properties', { name, designation, street: `${name}gatan 1`, postalCode: '111 22', city, managerId })
      ).json();
    await make('Alfa', 'Stockholm Alfa 1:1', 'Uppsala', l.manager.id);
    await make('Beta', 'Göteborg Beta 2:2', 'Göteborg', null);
    await make('Gamma', 'Malmö Gamma 3:3', 'Malmö', l.manager.id);
    const names = async (query: string) =>
      (await admin.get(`/api/v1/properties?${query}`)).json().items.map((p: { name: string }) => p.name);
    // makeLandlord's own property is "Testgatan 1" (manager: the manager).
    expect(await names('')).toEqual(['Alfa', 'Beta', 'Gamma', 'Testgatan 1']);
    expect(await names('sort=city&dir=desc')).toEqual(['Alfa', 'Testgatan 1', 'Gamma', 'Beta']);
    expect(await names('sort=designation')).toEqual(['Testgatan 1', 'Beta', 'Gamma', 'Alfa']);
    expect(await names(`managerId=${l.manager.id}`)).toEqual(['Alfa', 'Gamma', 'Testgatan 1']);
    expect(await names('q=beta%202')).toEqual(['Beta']);
    expect(await names('q=gammagatan')).toEqual(['Gamma']);
    expect(await names('q=%25')).toEqual([]);

    const first = (await admin.get('/api/v1/properties?limit=3')).json();
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['Alfa', 'Beta', 'Gamma']);
    expect(first.total).toBe(4);
    const second = (await admin.get(`/api/v1/properties?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((p: { name: string }) => p.name)).toEqual(['Testgatan 1']);
    expect(second.nextCursor).toBeNull();
    const back = (await admin.get(`/api/v1/properties?limit=3&cursor=${second.previousCursor}`)).json();
    expect(back.items.map((p: { name: string }) => p.name)).toEqual(['Alfa', 'Beta', 'Gamma']);

    const beta = (await admin.get('/api/v1/properties?q=Beta')).json().items[0];
    expect((await admin.post(`/api/v1/properties/${beta.id}/archive`)).statusCode).toBe(200);
    expect(await names('')).toEqual(['Alfa', 'Gamma', 'Testgatan 1']);
    expect(await names('archived=true')).toEqual(['Beta']);
    expect(await names('archived=all')).toEqual(['Alfa', 'Beta', 'Gamma', 'Testgatan 1']);
    // Archived properties leave the cases' property options.
    const options = (await admin.get('/api/v1/property-options')).json().items.map((p: { name: string }) => p.name);
    expect(options).not.toContain('Beta');
  });

  it('records created, updated (changed fields only), archived and restored in the history', async () => {
    const { l, manager } = await setUp();
    const p = (await manager.post('/api/v1/properties', heden({ managerId: l.manager.id }))).json();
    expect((await manager.patch(`/api/v1/properties/${p.id}`, { city: 'Gothenburg', floors: 4, managerId: l.admin.id })).statusCode).toBe(
      200,
    );
    expect((await manager.patch(`/api/v1/properties/${p.id}`, { city: 'Gothenburg' })).statusCode).toBe(200);
    await manager.post(`/api/v1/properties/${p.id}/archive`);
    await manager.post(`/api/v1/properties/${p.id}/restore`);
    const history = (await manager.get(`/api/v1/history/property/${p.id}`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['restored', 'archived', 'updated', 'created']);
    const updated = history.items[2];
    expect(updated.actor).toMatchObject({ kind: 'staff', id: l.manager.id });
    expect(updated.changes).toEqual({
      city: { from: 'Göteborg', to: 'Gothenburg' },
      floors: { from: null, to: 4 },
      manager: { from: l.manager.name, to: l.admin.name },
    });
    expect(history.items[3].changes.postalCode).toEqual({ from: null, to: '411 06' });
  });

  it('roles: finance reads and gets 403 on writes, technicians get 403, another landlord’s id is 404', async () => {
    const { l, finance, technician } = await setUp();
    const other = await signIn(t.app, 'staff', (await makeLandlord(t.app)).admin.email);
    const id = l.property.id;
    expect((await finance.get('/api/v1/properties')).statusCode).toBe(200);
    expect((await finance.get(`/api/v1/properties/${id}`)).statusCode).toBe(200);
    expect((await finance.get('/api/v1/units')).statusCode).toBe(200);
    expect((await finance.post('/api/v1/properties', heden())).statusCode).toBe(403);
    expect((await finance.patch(`/api/v1/properties/${id}`, { name: 'X' })).statusCode).toBe(403);
    expect((await finance.post(`/api/v1/properties/${id}/archive`)).statusCode).toBe(403);
    expect((await finance.post('/api/v1/units', { propertyId: id, number: 'Z1', type: 'storage', address: 'a' })).statusCode).toBe(403);
    expect((await finance.patch(`/api/v1/units/${l.units[0]!.id}`, { floor: '2' })).statusCode).toBe(403);
    for (const url of ['/api/v1/properties', `/api/v1/properties/${id}`, '/api/v1/units', `/api/v1/units/${l.units[0]!.id}`])
      expect((await technician.get(url)).statusCode, url).toBe(403);
    expect((await technician.post('/api/v1/properties', heden())).statusCode).toBe(403);
    expect((await other.get(`/api/v1/properties/${id}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/v1/properties/${id}`, { name: 'X' })).statusCode).toBe(404);
    expect((await other.post(`/api/v1/properties/${id}/archive`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/units/${l.units[0]!.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/units/${l.units[0]!.id}/archive`)).statusCode).toBe(404);
    expect((await other.post('/api/v1/units', { propertyId: id, number: 'Z1', type: 'storage', address: 'a' })).statusCode).toBe(404);
    expect((await other.get('/api/v1/properties')).json().items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await other.get(`/api/v1/units?propertyId=${id}`)).json().items).toEqual([]);
  });

  it('images: an uploaded image is added, listed, opened by finance and removed; a PDF is refused', async () => {
    const { l, manager, finance } = await setUp();
    const id = l.property.id;
    const image = (await manager.upload('/api/v1/uploads', PNG, 'front.png')).json();
    const added = await manager.post(`/api/v1/properties/${id}/images`, { attachmentId: image.id });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().images).toEqual([{ id: image.id, filename: 'front.png', contentType: 'image/png', size: PNG.length }]);
    const file = await finance.get(`/api/v1/attachments/${image.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    // Used once: the same upload cannot be added again.
    expect((await manager.post(`/api/v1/properties/${id}/images`, { attachmentId: image.id })).statusCode).toBe(404);
    const pdf = (await manager.upload('/api/v1/uploads', PDF, 'plan.pdf')).json();
    const refused = await manager.post(`/api/v1/properties/${id}/images`, { attachmentId: pdf.id });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe('image_type_not_allowed');
    const removed = await manager.request('DELETE', `/api/v1/properties/${id}/images/${image.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().images).toEqual([]);
    expect((await finance.get(`/api/v1/attachments/${image.id}`)).statusCode).toBe(404);
    const history = (await manager.get(`/api/v1/history/property/${id}`)).json().items;
    expect(history.map((e: { changes: unknown }) => e.changes)).toEqual([
      { images: { from: ['front.png'], to: [] } },
      { images: { from: [], to: ['front.png'] } },
    ]);
  });
});

describe('units', () => {
  it('creates, lists (property, type, search; keyset), edits with history; unit numbers are unique per landlord', async () => {
    const { l, manager } = await setUp();
    const propertyId = l.property.id;
    const res = await manager.post('/api/v1/units', {
      propertyId,
      number: '1002',
      type: 'apartment',
      address: 'Testgatan 1, lgh 1002',
      areaM2: 61.5,
      floor: '1',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ number: '1002', areaM2: 61.5, floor: '1', property: { id: propertyId, name: 'Testgatan 1' } });
    const taken = await manager.post('/api/v1/units', { propertyId, number: '1002', type: 'storage', address: 'x' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('unit_number_taken');
    const renamed = await manager.patch(`/api/v1/units/${res.json().id}`, { number: 'F1' });
    expect(renamed.json().error.code).toBe('unit_number_taken');
    // Another landlord may use the same number.
    const other = await makeLandlord(t.app);
    const otherManager = await signIn(t.app, 'staff', other.manager.email);
    expect(
      (await otherManager.post('/api/v1/units', { propertyId: other.property.id, number: '1002', type: 'apartment', address: 'x' }))
        .statusCode,
    ).toBe(201);

    for (const bad of [{ areaM2: 0 }, { areaM2: -3 }, { type: 'garage' }, { number: '' }, { address: '' }]) {
      const r = await manager.post('/api/v1/units', { propertyId, number: `N${tag()}`, type: 'storage', address: 'x', ...bad });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect(
      (await manager.post('/api/v1/units', { propertyId: randomUUID(), number: 'Q1', type: 'storage', address: 'x' })).statusCode,
    ).toBe(404);

    const numbers = async (q: string) => (await manager.get(`/api/v1/units?${q}`)).json().items.map((u: { number: string }) => u.number);
    expect(await numbers(`propertyId=${propertyId}`)).toEqual(['0201', '1001', '1002', 'F1']);
    expect(await numbers('type=storage')).toEqual(['F1']);
    expect(await numbers('q=lgh%201002')).toEqual(['1002']);
    const page1 = (await manager.get('/api/v1/units?limit=3')).json();
    const page2 = (await manager.get(`/api/v1/units?limit=3&cursor=${page1.nextCursor}`)).json();
    expect([...page1.items, ...page2.items].map((u: { number: string }) => u.number)).toEqual(['0201', '1001', '1002', 'F1']);
    expect(page1.total).toBe(4);

    const edited = await manager.patch(`/api/v1/units/${res.json().id}`, { areaM2: 62, floor: null });
    expect(edited.json()).toMatchObject({ areaM2: 62, floor: null });
    const history = (await manager.get(`/api/v1/history/unit/${res.json().id}`)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['updated', 'created']);
    expect(history[0].changes).toEqual({ areaM2: { from: 61.5, to: 62 }, floor: { from: '1', to: null } });
  });

  it('a unit on a running lease cannot be archived; a property with live units cannot be archived; an archived property takes no units', async () => {
    const { l, manager } = await setUp();
    const flat = l.units[0]!;
    const blocked = await manager.post(`/api/v1/units/${flat.id}/archive`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('unit_has_active_leases');
    // A terminated lease still runs until it ends.
    await t.app.db.update(leases).set({ status: 'terminated' }).where(eq(leases.id, l.flat.id));
    expect((await manager.post(`/api/v1/units/${flat.id}/archive`)).json().error.code).toBe('unit_has_active_leases');

    const property = await manager.post(`/api/v1/properties/${l.property.id}/archive`);
    expect(property.statusCode).toBe(409);
    expect(property.json().error.code).toBe('property_has_units');

    await t.app.db.update(leases).set({ status: 'ended' }).where(eq(leases.landlordId, l.landlord.id));
    for (const u of l.units) {
      const r = await manager.post(`/api/v1/units/${u.id}/archive`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().archivedAt).not.toBeNull();
    }
    expect((await manager.get(`/api/v1/units?propertyId=${l.property.id}`)).json().items).toEqual([]);
    expect((await manager.get(`/api/v1/units?propertyId=${l.property.id}&archived=true`)).json().items).toHaveLength(3);
    const archived = await manager.post(`/api/v1/properties/${l.property.id}/archive`);
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();

    const refused = await manager.post('/api/v1/units', { propertyId: l.property.id, number: 'N1', type: 'storage', address: 'x' });
    expect(refused.json().error.code).toBe('property_archived');
    expect((await manager.post(`/api/v1/units/${flat.id}/restore`)).json().error.code).toBe('property_archived');
    expect((await manager.post(`/api/v1/properties/${l.property.id}/restore`)).statusCode).toBe(200);
    const restored = await manager.post(`/api/v1/units/${flat.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json().archivedAt).toBeNull();
    const history = (await manager.get(`/api/v1/history/unit/${flat.id}`)).json();
    // The seed-made unit has no `created` entry; its archive and restore are recorded.
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['restored', 'archived']);
  });
});

describe('upserts by external id (the import)', () => {
  it('creates, then leaves an identical row unchanged, then updates; units name their property by external id', async () => {
    const l = await makeLandlord(t.app);
    const actor = actorOf(l);
    const ext = `P-${tag()}`;
    const row = { externalId: ext, name: 'Importhuset', street: 'Importvägen 1', postalCode: '12345', city: 'Solna', yearBuilt: 1970 };
    const created = await upsertPropertyByExternalId(t.app.db, actor, row);
    expect(created.outcome).toBe('created');
    expect(await upsertPropertyByExternalId(t.app.db, actor, row)).toEqual({ id: created.id, outcome: 'unchanged' });
    expect(await upsertPropertyByExternalId(t.app.db, actor, { ...row, yearBuilt: 1971 })).toEqual({ id: created.id, outcome: 'updated' });
    const manager = await signIn(t.app, 'staff', l.manager.email);
    const history = (await manager.get(`/api/v1/history/property/${created.id}`)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['updated', 'created']);
    expect(history[0].changes).toEqual({ yearBuilt: { from: 1970, to: 1971 } });

    const unitRow = {
      externalId: `U-${tag()}`,
      propertyExternalId: ext,
      number: `I-${tag()}`,
      type: 'apartment' as const,
      address: 'Importvägen 1, lgh 1',
      areaM2: 50,
    };
    const unit = await upsertUnitByExternalId(t.app.db, actor, unitRow);
    expect(unit.outcome).toBe('created');
    expect(await upsertUnitByExternalId(t.app.db, actor, unitRow)).toEqual({ id: unit.id, outcome: 'unchanged' });
    expect((await upsertUnitByExternalId(t.app.db, actor, { ...unitRow, areaM2: 51 })).outcome).toBe('updated');
    const got = (await manager.get(`/api/v1/units/${unit.id}`)).json();
    expect(got).toMatchObject({ areaM2: 51, externalId: unitRow.externalId, property: { id: created.id } });

    await expect(upsertUnitByExternalId(t.app.db, actor, { ...unitRow, propertyExternalId: 'nope' })).rejects.toMatchObject({
      statusCode: 404,
      resource: 'property',
    });
    await expect(upsertPropertyByExternalId(t.app.db, actor, { ...row, postalCode: '1' })).rejects.toMatchObject({
      code: 'postal_code_invalid',
    });
    await expect(upsertPropertyByExternalId(t.app.db, { ...actor, role: 'finance' }, row)).rejects.toMatchObject({ statusCode: 403 });
    // Another unit with the same number: the savepoint keeps the caller's transaction usable.
    await t.app.db.transaction(async (tx) => {
      await expect(upsertUnitByExternalId(tx, actor, { ...unitRow, externalId: `U-${tag()}` })).rejects.toMatchObject({
        code: 'unit_number_taken',
      });
      expect((await upsertPropertyByExternalId(tx, actor, { ...row, yearBuilt: 1971 })).outcome).toBe('unchanged');
    });
  });

  it('an external id is unique per landlord (409 external_id_taken)', async () => {
    const { l, admin } = await setUp();
    const ext = `E-${tag()}`;
    expect((await admin.post('/api/v1/properties', heden({ externalId: ext }))).statusCode).toBe(201);
    const clash = await admin.post('/api/v1/properties', heden({ externalId: ext }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('external_id_taken');
    const unitClash = await admin.post('/api/v1/units', {
      propertyId: l.property.id,
      number: 'X1',
      type: 'storage',
      address: 'x',
      externalId: ext,
    });
    expect(unitClash.statusCode).toBe(201);
    const again = await admin.post('/api/v1/units', {
      propertyId: l.property.id,
      number: 'X2',
      type: 'storage',
      address: 'x',
      externalId: ext,
    });
    expect(again.json().error.code).toBe('external_id_taken');
    // Another landlord may use it.
    const other = await signIn(t.app, 'staff', (await makeLandlord(t.app)).admin.email);
    expect((await other.post('/api/v1/properties', heden({ externalId: ext }))).statusCode).toBe(201);
  });
});
