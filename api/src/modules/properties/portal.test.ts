import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, PASSWORD, PNG, signIn } from '../../../test/helpers';
import { insertCustomer, insertLease, insertPortalUser, insertProperty, insertStaff } from '../../db/fixtures';
import { leases } from '../../db/schema/leases';
import { properties } from '../../db/schema/properties';
import { staffUsers } from '../../db/schema/staff';

/** Issue 12 §4 (seed 002, "om fastigheten"): the property page and its team. */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tag = () => randomUUID().slice(0, 8);

async function setUp() {
  const l = await makeLandlord(t.app);
  const manager = await signIn(t.app, 'staff', l.manager.email);
  await t.app.db.update(staffUsers).set({ phone: '+46 31 10 20 30' }).where(eq(staffUsers.id, l.manager.id));
  await t.app.db
    .update(properties)
    .set({
      customerManagerId: l.admin.id,
      description: 'Sekelskifteshus',
      yearBuilt: 1912,
      floors: 5,
      totalAreaM2: '2450.5',
      facts: [{ label: 'Hiss', value: 'Ja' }],
      areaInfo: 'Sopsortering på gården. <script>alert(1)</script>',
    })
    .where(eq(properties.id, l.property.id));
  const member = await insertPortalUser(t.app.db, { email: `user-${tag()}@company.test`, name: 'User', password: PASSWORD }, [
    { landlordId: l.landlord.id, customerId: l.company.customer.id, role: 'user' },
  ]);
  return { l, manager, user: await signIn(t.app, 'portal', member.email), mainAdmin: await signIn(t.app, 'portal', l.companyUser.email) };
}

describe('the property page (portal)', () => {
  it('every role sees the property it rents in, with facts, plain-text area info and its contacts', async () => {
    const s = await setUp();
    const put = await s.manager.put(`/api/v1/properties/${s.l.property.id}/team`, [
      { staffUserId: s.l.technician.id, title: 'Fastighetsskötare' },
      { staffUserId: s.l.manager.id, title: 'Förvaltare' },
    ]);
    expect(put.statusCode, put.body).toBe(200);
    for (const c of [s.mainAdmin, s.user]) {
      const list = await c.get('/api/v1/portal/properties');
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items).toEqual([
        { id: s.l.property.id, name: 'Testgatan 1', street: 'Testgatan 1', postalCode: '111 11', city: 'Stockholm' },
      ]);
      const res = await c.get(`/api/v1/portal/properties/${s.l.property.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page).toMatchObject({
        description: 'Sekelskifteshus',
        yearBuilt: 1912,
        floors: 5,
        totalAreaM2: 2450.5,
        facts: [{ label: 'Hiss', value: 'Ja' }],
        // Plain text as written: the SPA shows it as text, so markup never runs.
        areaInfo: 'Sopsortering på gården. <script>alert(1)</script>',
      });
      // Customer manager, property manager (also on the team: listed once, with its title), then the rest of the team in order.
      expect(page.contacts).toEqual([
        { staffUserId: s.l.admin.id, role: 'customer_manager', name: s.l.admin.name, title: '', email: s.l.admin.email, phone: null },
        {
          staffUserId: s.l.manager.id,
          role: 'property_manager',
          name: s.l.manager.name,
          title: 'Förvaltare',
          email: s.l.manager.email,
          phone: '+46 31 10 20 30',
        },
        {
          staffUserId: s.l.technician.id,
          role: 'team',
          name: s.l.technician.name,
          title: 'Fastighetsskötare',
          email: s.l.technician.email,
          phone: null,
        },
      ]);
    }
  });

  it('a property the customer does not rent in is 404, as is another landlord’s; a deactivated person is no contact', async () => {
    const s = await setUp();
    const other = await insertProperty(
      t.app.db,
      { landlordId: s.l.landlord.id, name: 'Annan', street: 'Annan 1', postalCode: '222 22', city: 'Malmö' },
      [{ number: `A${tag().slice(0, 4)}`, type: 'apartment', address: 'Annan 1' }],
    );
    expect((await s.mainAdmin.get(`/api/v1/portal/properties/${other.property.id}`)).statusCode).toBe(404);
    const stranger = await makeLandlord(t.app);
    const them = await signIn(t.app, 'portal', stranger.companyUser.email);
    expect((await them.get(`/api/v1/portal/properties/${s.l.property.id}`)).statusCode).toBe(404);
    expect((await them.get('/api/v1/portal/properties')).json().items.map((p: { id: string }) => p.id)).toEqual([stranger.property.id]);
    // An ended lease takes the property off the list.
    await t.app.db.update(leases).set({ status: 'ended' }).where(eq(leases.id, s.l.office.id));
    expect((await s.mainAdmin.get('/api/v1/portal/properties')).json().items).toEqual([]);
    expect((await s.mainAdmin.get(`/api/v1/portal/properties/${s.l.property.id}`)).statusCode).toBe(404);
    await t.app.db.update(leases).set({ status: 'active' }).where(eq(leases.id, s.l.office.id));
    await t.app.db.update(staffUsers).set({ deactivatedAt: new Date() }).where(eq(staffUsers.id, s.l.admin.id));
    const page = (await s.mainAdmin.get(`/api/v1/portal/properties/${s.l.property.id}`)).json();
    expect(page.contacts.map((c: { staffUserId: string }) => c.staffUserId)).toEqual([s.l.manager.id]);
  });

  it('a company renting in two properties lists both', async () => {
    const s = await setUp();
    const second = await insertProperty(
      t.app.db,
      { landlordId: s.l.landlord.id, name: 'Andra', street: 'Andra 2', postalCode: '222 22', city: 'Malmö' },
      [{ number: `B${tag().slice(0, 4)}`, type: 'office', address: 'Andra 2' }],
    );
    await insertLease(t.app.db, {
      landlordId: s.l.landlord.id,
      customerId: s.l.company.customer.id,
      unitId: second.units[0]!.id,
      number: `L-B-${tag()}`,
      validFrom: '2024-01-01',
    });
    const names = (await s.user.get('/api/v1/portal/properties')).json().items.map((p: { name: string }) => p.name);
    expect(names).toEqual(['Andra', 'Testgatan 1']);
  });

  it('images are served to the property’s tenants only, inline and never scriptable', async () => {
    const s = await setUp();
    const up = (await s.manager.upload('/api/v1/uploads', PNG, 'fasad.png', 'image/png')).json();
    expect((await s.manager.post(`/api/v1/properties/${s.l.property.id}/images`, { attachmentId: up.id })).statusCode).toBe(201);
    const page = (await s.user.get(`/api/v1/portal/properties/${s.l.property.id}`)).json();
    expect(page.images).toEqual([{ id: up.id, filename: 'fasad.png' }]);
    const img = await s.user.get(`/api/v1/portal/properties/${s.l.property.id}/images/${up.id}`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['content-security-policy']).toContain('sandbox');
    expect(img.rawPayload.equals(PNG)).toBe(true);
    // A tenant elsewhere: 404.
    const elsewhere = await insertCustomer(t.app.db, { landlordId: s.l.landlord.id, kind: 'person', name: `E ${tag()}` }, []);
    const other = await insertProperty(
      t.app.db,
      { landlordId: s.l.landlord.id, name: 'Annan', street: 'Annan 1', postalCode: '222 22', city: 'Malmö' },
      [{ number: `C${tag().slice(0, 4)}`, type: 'apartment', address: 'Annan 1' }],
    );
    await insertLease(t.app.db, {
      landlordId: s.l.landlord.id,
      customerId: elsewhere.customer.id,
      unitId: other.units[0]!.id,
      number: `L-C-${tag()}`,
      validFrom: '2024-01-01',
    });
    const u = await insertPortalUser(t.app.db, { email: `e-${tag()}@tenant.test`, name: 'E', password: PASSWORD }, [
      { landlordId: s.l.landlord.id, customerId: elsewhere.customer.id, role: 'main_admin' },
    ]);
    const them = await signIn(t.app, 'portal', u.email);
    expect((await them.get(`/api/v1/portal/properties/${s.l.property.id}/images/${up.id}`)).statusCode).toBe(404);
  });
});

describe('the team (staff)', () => {
  it('PUT replaces the team in order; staff of another landlord and duplicates are refused; finance and technicians may not', async () => {
    const s = await setUp();
    const url = `/api/v1/properties/${s.l.property.id}/team`;
    const first = await s.manager.put(url, [{ staffUserId: s.l.technician.id, title: 'Tekniker' }, { staffUserId: s.l.admin.id }]);
    expect(first.json().items.map((m: { staffUserId: string; title: string }) => [m.staffUserId, m.title])).toEqual([
      [s.l.technician.id, 'Tekniker'],
      [s.l.admin.id, ''],
    ]);
    const replaced = await s.manager.put(url, [{ staffUserId: s.l.admin.id, title: 'Kundansvarig' }]);
    expect(replaced.json().items).toHaveLength(1);
    expect((await s.manager.get(url)).json()).toEqual(replaced.json());

    const other = await makeLandlord(t.app);
    const foreign = await s.manager.put(url, [{ staffUserId: other.manager.id, title: 'X' }]);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.resource).toBe('user');
    expect((await s.manager.get(url)).json()).toEqual(replaced.json());
    const twice = await s.manager.put(url, [{ staffUserId: s.l.admin.id }, { staffUserId: s.l.admin.id }]);
    expect(twice.statusCode).toBe(400);
    const longTitle = await s.manager.put(url, [{ staffUserId: s.l.admin.id, title: 'x'.repeat(101) }]);
    expect(longTitle.statusCode).toBe(400);

    const finance = await insertStaff(t.app.db, {
      landlordId: s.l.landlord.id,
      email: `fin-${tag()}@staff.test`,
      name: 'Fin',
      role: 'finance',
      password: PASSWORD,
    });
    const fin = await signIn(t.app, 'staff', finance.email);
    expect((await fin.get(url)).statusCode).toBe(200);
    expect((await fin.put(url, [])).statusCode).toBe(403);
    const tech = await signIn(t.app, 'staff', s.l.technician.email);
    expect((await tech.put(url, [])).statusCode).toBe(403);
    const them = await signIn(t.app, 'staff', other.manager.email);
    expect((await them.put(url, [])).statusCode).toBe(404);
    expect((await them.get(url)).statusCode).toBe(404);
  });
});
