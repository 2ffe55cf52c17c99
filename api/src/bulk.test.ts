import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, historyOf, makeLandlord, signIn, type TestLandlord } from '../test/helpers';
import { customers } from './db/schema/customers';
import { translator } from './i18n';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tag = () => randomUUID().slice(0, 8);
const manager = (l: TestLandlord) => signIn(t.app, 'staff', l.manager.email);
const property = (x: string) => ({ name: `Hus ${x}`, street: 'Kungsgatan 2', postalCode: '41106', city: 'Göteborg' });

describe('PUT …/by-external-id/{externalId}', () => {
  it('properties: 201 when created, 200 unchanged without a history entry, 200 with one when changed', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const x = `P-${tag()}`;
    const created = await c.put(`/api/v1/properties/by-external-id/${x}`, property(x));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ externalId: x, name: `Hus ${x}`, postalCode: '411 06' });
    const id = created.json().id as string;
    const same = await c.put(`/api/v1/properties/by-external-id/${x}`, property(x));
    expect(same.statusCode).toBe(200);
    expect(same.json().id).toBe(id);
    expect(await historyOf(c, 'property', id)).toHaveLength(1);
    const changed = await c.put(`/api/v1/properties/by-external-id/${x}`, { ...property(x), floors: 4 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().floors).toBe(4);
    const entries = await historyOf(c, 'property', id);
    expect(entries.map((e) => e.action)).toEqual(['updated', 'created']);
    expect(entries[0]!.changes.floors).toEqual({ from: null, to: 4 });
    // Fields left out of a property keep their value (decision 9P6).
    const merged = await c.put(`/api/v1/properties/by-external-id/${x}`, { ...property(x), name: `Hus ${x} B` });
    expect(merged.json()).toMatchObject({ floors: 4, name: `Hus ${x} B` });
    // Another landlord's external ids are its own: the same id makes a property of theirs.
    const other = await manager(await makeLandlord(t.app));
    const theirs = await other.put(`/api/v1/properties/by-external-id/${x}`, property(x));
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(id);
  });

  it('units name their property by external id (404 property when unknown); a bad body is a 400 with issues', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const px = `P-${tag()}`;
    expect((await c.put(`/api/v1/properties/by-external-id/${px}`, property(px))).statusCode).toBe(201);
    const ux = `U-${tag()}`;
    const unit = { propertyExternalId: px, number: `N-${tag()}`, type: 'apartment', address: 'Kungsgatan 2, lgh 1' };
    const created = await c.put(`/api/v1/units/by-external-id/${ux}`, unit);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ externalId: ux, property: { name: `Hus ${px}` } });
    expect((await c.put(`/api/v1/units/by-external-id/${ux}`, unit)).statusCode).toBe(200);
    const unknown = await c.put(`/api/v1/units/by-external-id/${ux}`, { ...unit, propertyExternalId: 'nope' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'not_found', resource: 'property' });
    const bad = await c.put(`/api/v1/units/by-external-id/${ux}`, { ...unit, type: 'castle' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('type');
  });

  it('customers with contacts: contacts matched by e-mail, contacts not sent are kept', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const x = `C-${tag()}`;
    const body = {
      kind: 'company',
      name: `Firma ${x} AB`,
      city: 'Lund',
      contacts: [
        { name: 'Anna Ek', email: `anna-${x}@firma.test` },
        { name: 'Bo Ek', email: `bo-${x}@firma.test` },
      ],
    };
    const created = await c.put(`/api/v1/customers/by-external-id/${x}`, body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json().contacts).toHaveLength(2);
    const same = await c.put(`/api/v1/customers/by-external-id/${x}`, body);
    expect(same.statusCode).toBe(200);
    const before = (await historyOf(c, 'customer', id)).length;
    const changed = await c.put(`/api/v1/customers/by-external-id/${x}`, {
      ...body,
      city: 'Malmö',
      contacts: [{ name: 'Anna Ek', email: `ANNA-${x}@firma.test`, phone: '070-111 22 33' }],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().city).toBe('Malmö');
    const contacts = changed.json().contacts as { name: string; phone: string | null }[];
    expect(contacts).toHaveLength(2);
    expect(contacts.find((k) => k.name === 'Anna Ek')!.phone).toBe('+46701112233');
    const entries = await historyOf(c, 'customer', id);
    expect(entries.length).toBe(before + 1);
    expect(entries[0]!.changes.city).toEqual({ from: 'Lund', to: 'Malmö' });
    // A customer is replaced: an optional field left out is cleared; the contacts not sent stay.
    const { city: _, ...withoutCity } = body;
    const cleared = await c.put(`/api/v1/customers/by-external-id/${x}`, withoutCity);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().city).toBeNull();
    expect(cleared.json().contacts).toHaveLength(2);
  });

  it('leases: customer and units by external id; unchanged, then a rent change is an update', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const u = tag();
    expect((await c.put(`/api/v1/properties/by-external-id/P-${u}`, property(u))).statusCode).toBe(201);
    const unit = { propertyExternalId: `P-${u}`, number: `N-${u}`, type: 'apartment', address: 'Kungsgatan 2' };
    expect((await c.put(`/api/v1/units/by-external-id/U-${u}`, unit)).statusCode).toBe(201);
    expect((await c.put(`/api/v1/customers/by-external-id/C-${u}`, { kind: 'person', name: 'Eva Lind' })).statusCode).toBe(201);
    const lease = {
      number: `L-${u}`,
      type: 'residential',
      customerExternalId: `C-${u}`,
      unitExternalIds: [`U-${u}`],
      validFrom: '2025-01-01',
      rentLines: [{ kind: 'rent', amountMinor: 850000, vatRate: 0 }],
    };
    const created = await c.put(`/api/v1/leases/by-external-id/LX-${u}`, lease);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ number: `L-${u}`, externalId: `LX-${u}` });
    expect((await c.put(`/api/v1/leases/by-external-id/LX-${u}`, lease)).statusCode).toBe(200);
    expect(await historyOf(c, 'lease', id)).toHaveLength(1);
    const raised = await c.put(`/api/v1/leases/by-external-id/LX-${u}`, {
      ...lease,
      rentLines: [{ kind: 'rent', amountMinor: 900000, vatRate: 0 }],
    });
    expect(raised.statusCode).toBe(200);
    expect((await historyOf(c, 'lease', id)).map((e) => e.action)).toEqual(['updated', 'created']);
    const noCustomer = await c.put(`/api/v1/leases/by-external-id/LY-${u}`, { ...lease, number: `L2-${u}`, customerExternalId: 'nobody' });
    expect(noCustomer.statusCode).toBe(404);
    expect(noCustomer.json().error.resource).toBe('customer');
  });
});

describe('bulk', () => {
  it('customers: good items are committed, bad ones reported with their codes in the request language', async () => {
    const l = await makeLandlord(t.app, { locale: 'sv' });
    const c = await manager(l);
    const u = tag();
    const items = [
      { externalId: `C1-${u}`, kind: 'person', name: 'Ada Berg' },
      { externalId: `C2-${u}`, kind: 'person' },
      { externalId: `C3-${u}`, kind: 'person', name: 'Bad Number', identityNumber: '123' },
      'not an object',
      { externalId: `C5-${u}`, kind: 'company', name: 'Firma AB', contacts: [{ name: 'Kim', email: `kim-${u}@firma.test` }] },
    ];
    const res = await c.post('/api/v1/customers/bulk', { items });
    expect(res.statusCode, res.body).toBe(200);
    const { results, summary } = res.json();
    expect(summary).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 3 });
    expect(results.map((r: { status: string }) => r.status)).toEqual(['created', 'failed', 'failed', 'failed', 'created']);
    expect(results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(results[1]).toMatchObject({ externalId: `C2-${u}`, error: { code: 'validation_failed' } });
    expect(results[1].error.issues[0].path).toBe('name');
    expect(results[2].error).toMatchObject({
      code: 'identity_number_invalid',
      message: translator('sv')('errors:identity_number_invalid'),
    });
    expect(results[3]).toMatchObject({
      externalId: null,
      error: { code: 'validation_failed', message: translator('sv')('errors:validation_failed') },
    });
    const stored = await t.app.db.select().from(customers).where(eq(customers.landlordId, l.landlord.id));
    const byExternal = new Map(stored.map((s) => [s.externalId, s.id]));
    expect(byExternal.get(`C1-${u}`)).toBe(results[0].id);
    expect(byExternal.get(`C5-${u}`)).toBe(results[4].id);
    expect(byExternal.has(`C2-${u}`) || byExternal.has(`C3-${u}`)).toBe(false);
    // The same call again: nothing changes; with one field changed, that item is updated.
    const again = await c.post('/api/v1/customers/bulk', { items: [items[0], { ...(items[4] as object), city: 'Visby' }] });
    expect(again.json().summary).toEqual({ created: 0, updated: 1, unchanged: 1, failed: 0 });
  });

  it('leases: an unknown reference or a taken number fails that item only', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const u = tag();
    const setup = await c.post('/api/v1/properties/bulk', { items: [{ externalId: `P-${u}`, ...property(u) }] });
    expect(setup.json().summary.created).toBe(1);
    const units = await c.post('/api/v1/units/bulk', {
      items: [1, 2, 3].map((n) => ({
        externalId: `U${n}-${u}`,
        propertyExternalId: `P-${u}`,
        number: `N${n}-${u}`,
        type: 'apartment',
        address: `Lgh ${n}`,
      })),
    });
    expect(units.json().summary.created).toBe(3);
    expect(
      (await c.post('/api/v1/customers/bulk', { items: [{ externalId: `C-${u}`, kind: 'person', name: 'Eva' }] })).json().summary.created,
    ).toBe(1);
    const lease = (n: number, extra: object = {}) => ({
      externalId: `L${n}-${u}`,
      number: `LN${n}-${u}`,
      type: 'residential',
      customerExternalId: `C-${u}`,
      unitExternalIds: [`U${n}-${u}`],
      validFrom: '2025-01-01',
      ...extra,
    });
    const res = await c.post('/api/v1/leases/bulk', {
      items: [lease(1), lease(2, { customerExternalId: 'nobody' }), lease(3, { number: `LN1-${u}` }), lease(3)],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { results, summary } = res.json();
    expect(summary).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 2 });
    expect(results[1].error).toMatchObject({ code: 'not_found', resource: 'customer' });
    expect(results[2].error.code).toBe('lease_number_taken');
    expect(results[3].status).toBe('created');
  });

  it('refuses more than 1,000 items (400 bulk_too_many) before touching anything; a technician may not write', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const u = tag();
    const items = Array.from({ length: 1001 }, (_, i) => ({ externalId: `X${i}-${u}`, kind: 'person', name: `P ${i}` }));
    const res = await c.post('/api/v1/customers/bulk', { items });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'bulk_too_many', params: { max: 1000 } });
    expect(res.json().error.message).toContain('1000');
    const none = await t.app.db
      .select()
      .from(customers)
      .where(and(eq(customers.landlordId, l.landlord.id), eq(customers.name, 'P 0')));
    expect(none).toHaveLength(0);
    expect((await c.post('/api/v1/customers/bulk', { items: 'many' })).statusCode).toBe(400);
    const technician = await signIn(t.app, 'staff', l.technician.email);
    expect((await technician.post('/api/v1/customers/bulk', { items: [] })).statusCode).toBe(403);
  });

  it('a bulk call with an Idempotency-Key is replayed, not run again', async () => {
    const l = await makeLandlord(t.app);
    const c = await manager(l);
    const u = tag();
    const body = { items: [{ externalId: `I-${u}`, kind: 'person', name: 'Once' }] };
    const k = randomUUID();
    const first = await c.post('/api/v1/customers/bulk', body, { 'idempotency-key': k });
    expect(first.json().summary.created).toBe(1);
    const second = await c.post('/api/v1/customers/bulk', body, { 'idempotency-key': k });
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
  });
});
