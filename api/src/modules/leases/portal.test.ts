import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, PASSWORD, PDF, signIn, type TestLandlord } from '../../../test/helpers';
import { insertPortalUser } from '../../db/fixtures';
import { cases } from '../../db/schema/cases';
import { portalMemberships } from '../../db/schema/customers';
import { landlords } from '../../db/schema/landlords';
import { leases } from '../../db/schema/leases';
import { units } from '../../db/schema/properties';

/** Issue 11 §1: leases in the tenant portal (seeds 001, 002). */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tag = () => randomUUID().slice(0, 8);

/** A landlord whose company has a main administrator, an administrator and a user; the office lease has rent lines. */
async function setUp(opts: { locale?: 'sv' | 'da' | 'en' } = {}) {
  const l = await makeLandlord(t.app);
  const person = (role: 'admin' | 'user') =>
    insertPortalUser(
      t.app.db,
      {
        email: `${role}-${tag()}@company.test`,
        name: `${role} person`,
        password: PASSWORD,
        ...(opts.locale ? { locale: opts.locale } : {}),
      },
      [{ landlordId: l.landlord.id, customerId: l.company.customer.id, role }],
    );
  const [admin, user] = [await person('admin'), await person('user')];
  const manager = await signIn(t.app, 'staff', l.manager.email);
  await t.app.db.update(units).set({ areaM2: '350', floor: '2' }).where(eq(units.id, l.units[2]!.id));
  const patched = await manager.patch(`/api/v1/leases/${l.office.id}`, {
    noticePeriodMonths: 9,
    rentLines: [
      { kind: 'rent', description: 'Lokalhyra', amountMinor: 6_500_000, vatRate: 25 },
      { kind: 'service_charge', amountMinor: 500_000, vatRate: 25 },
    ],
  });
  expect(patched.statusCode, patched.body).toBe(200);
  return {
    l,
    manager,
    mainAdmin: await signIn(t.app, 'portal', l.companyUser.email),
    admin: await signIn(t.app, 'portal', admin.email),
    user: await signIn(t.app, 'portal', user.email),
  };
}

async function householdTenant(l: TestLandlord) {
  const user = await insertPortalUser(t.app.db, { email: `home-${tag()}@tenant.test`, name: 'Home', password: PASSWORD }, [
    { landlordId: l.landlord.id, customerId: l.household.customer.id, contactId: l.household.contacts[0]!.id, role: 'main_admin' },
  ]);
  return signIn(t.app, 'portal', user.email);
}

async function attachPdf(s: Awaited<ReturnType<typeof setUp>>, leaseId: string, filename = 'hyresavtal.pdf') {
  const upload = (await s.manager.upload('/api/v1/uploads', PDF, filename, 'application/pdf')).json();
  const res = await s.manager.patch(`/api/v1/leases/${leaseId}`, { signedPdfId: upload.id });
  expect(res.statusCode, res.body).toBe(200);
}

describe('portal leases: the list (seed 002)', () => {
  it('every role of the company sees its leases and only those; a household sees its own', async () => {
    const s = await setUp();
    for (const client of [s.mainAdmin, s.admin, s.user]) {
      const res = await client.get('/api/v1/portal/leases');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        items: [
          {
            id: s.l.office.id,
            number: s.l.office.number,
            type: 'commercial',
            status: 'active',
            tenant: s.l.company.customer.name,
            address: 'Testgatan 1, plan 2',
            areaM2: 350,
            validFrom: '2024-01-01',
            validTo: null,
          },
        ],
        total: 1,
        totalCapped: false,
      });
    }
    const home = await householdTenant(s.l);
    const mine = (await home.get('/api/v1/portal/leases')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([s.l.flat.id, s.l.storage.id]);
    expect(mine.items[0].tenant).toBe(s.l.household.customer.name);
  });

  it('pages by lease number with cursors both ways, and leaves archived leases out', async () => {
    const s = await setUp();
    const home = await householdTenant(s.l);
    const first = (await home.get('/api/v1/portal/leases?limit=1')).json();
    expect(first).toMatchObject({ items: [{ id: s.l.flat.id }], total: 2, previousCursor: null });
    const second = (await home.get(`/api/v1/portal/leases?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ id: s.l.storage.id }], nextCursor: null });
    const back = (await home.get(`/api/v1/portal/leases?limit=1&cursor=${second.previousCursor}`)).json();
    expect(back.items[0].id).toBe(s.l.flat.id);
    expect((await home.get('/api/v1/portal/leases?cursor=bm9wZQ')).statusCode).toBe(400);

    await t.app.db.update(leases).set({ archivedAt: new Date() }).where(eq(leases.id, s.l.storage.id));
    expect((await home.get('/api/v1/portal/leases')).json().items.map((i: { id: string }) => i.id)).toEqual([s.l.flat.id]);
    expect((await home.get(`/api/v1/portal/leases/${s.l.storage.id}`)).statusCode).toBe(404);
  });
});

describe('portal leases: the detail', () => {
  it('shows units, area, period and notice; rent lines and the total only to the main administrator', async () => {
    const s = await setUp();
    const main = await s.mainAdmin.get(`/api/v1/portal/leases/${s.l.office.id}`);
    expect(main.statusCode, main.body).toBe(200);
    expect(main.json()).toMatchObject({
      number: s.l.office.number,
      units: [{ id: s.l.units[2]!.id, number: '0201', type: 'office', address: 'Testgatan 1, plan 2', areaM2: 350, floor: '2' }],
      areaM2: 350,
      noticePeriodMonths: 9,
      noticeDate: null,
      restricted: null,
      signedPdf: null,
      rent: {
        currency: 'SEK',
        lines: [
          { kind: 'rent', description: 'Lokalhyra', amountMinor: 6_500_000, vatRate: 25 },
          { kind: 'service_charge', description: '', amountMinor: 500_000, vatRate: 25 },
        ],
        totals: { netMinor: 7_000_000, vatMinor: 1_750_000, grossMinor: 8_750_000 },
      },
    });
    for (const client of [s.admin, s.user]) {
      const res = await client.get(`/api/v1/portal/leases/${s.l.office.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ rent: null, restricted: 'role', noticePeriodMonths: 9 });
      expect(res.body).not.toContain('6500000');
    }
  });

  it('hides the money from a main administrator without BankID where the landlord demands it', async () => {
    const s = await setUp();
    await t.app.db.update(landlords).set({ invoicesRequireStrongAuth: true }).where(eq(landlords.id, s.l.landlord.id));
    const fresh = await signIn(t.app, 'portal', s.l.companyUser.email);
    const res = (await fresh.get(`/api/v1/portal/leases/${s.l.office.id}`)).json();
    expect(res).toMatchObject({ rent: null, restricted: 'strong_auth' });
  });

  it("another customer's lease and another landlord's lease do not exist for the tenant", async () => {
    const s = await setUp();
    const other = await makeLandlord(t.app);
    const outsider = await signIn(t.app, 'portal', other.companyUser.email);
    const home = await householdTenant(s.l);
    for (const path of ['', '/signed-pdf']) {
      expect((await home.get(`/api/v1/portal/leases/${s.l.office.id}${path}`)).statusCode).toBe(404);
      expect((await outsider.get(`/api/v1/portal/leases/${s.l.office.id}${path}`)).statusCode).toBe(404);
    }
    expect((await home.post(`/api/v1/portal/leases/${s.l.office.id}/request-copy`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/v1/portal/leases/${s.l.office.id}/request-copy`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/portal/leases/${randomUUID()}`)).statusCode).toBe(404);
    expect((await outsider.get('/api/v1/portal/leases/not-a-uuid')).statusCode).toBe(400);
  });

  it('lists the linked cases the tenant may see, newest first, and not those of other leases or customers', async () => {
    const s = await setUp();
    const report = async (title: string, leaseId: string) => {
      const res = await s.user.post('/api/v1/portal/cases', { title, description: 'd', type: 'fault', leaseId });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const older = await report('Dörren kärvar', s.l.office.id);
    const newer = await report('Lampan blinkar', s.l.office.id);
    await t.app.db
      .update(cases)
      .set({ createdAt: new Date(Date.now() - 86_400_000) })
      .where(eq(cases.id, older));
    // A staff case for the household on the household's lease, then moved onto the office lease: not the company's.
    const manager = s.manager;
    const foreign = await manager.post('/api/v1/cases', {
      customerId: s.l.household.customer.id,
      leaseId: s.l.flat.id,
      title: 'Hushållets ärende',
      description: 'd',
      type: 'service',
    });
    expect(foreign.statusCode, foreign.body).toBe(201);
    await t.app.db.update(cases).set({ leaseId: s.l.office.id }).where(eq(cases.id, foreign.json().id));

    const detail = (await s.admin.get(`/api/v1/portal/leases/${s.l.office.id}`)).json();
    expect(detail.cases).toMatchObject({
      items: [
        { id: newer, title: 'Lampan blinkar', status: 'new' },
        { id: older, title: 'Dörren kärvar', status: 'new' },
      ],
      total: 2,
      totalCapped: false,
    });
    const home = await householdTenant(s.l);
    expect((await home.get(`/api/v1/portal/leases/${s.l.flat.id}`)).json().cases.items).toEqual([]);
  });
});

describe('portal leases: the signed PDF', () => {
  it('the main administrator downloads it; other roles may not; none there is a 404', async () => {
    const s = await setUp();
    expect((await s.mainAdmin.get(`/api/v1/portal/leases/${s.l.office.id}/signed-pdf`)).statusCode).toBe(404);
    await attachPdf(s, s.l.office.id, 'Hyresavtal 2024.pdf');

    const detail = (await s.mainAdmin.get(`/api/v1/portal/leases/${s.l.office.id}`)).json();
    expect(detail.signedPdf).toEqual({ filename: 'Hyresavtal 2024.pdf', size: PDF.length });
    const res = await s.mainAdmin.get(`/api/v1/portal/leases/${s.l.office.id}/signed-pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''Hyresavtal%202024.pdf`);
    expect(res.rawPayload.equals(PDF)).toBe(true);

    // Others see that it exists (so they do not ask for a copy), but may not open it.
    expect((await s.user.get(`/api/v1/portal/leases/${s.l.office.id}`)).json().signedPdf).toEqual(detail.signedPdf);
    const refused = await s.admin.get(`/api/v1/portal/leases/${s.l.office.id}/signed-pdf`);
    expect(refused.statusCode).toBe(403);
    expect((await s.user.get(`/api/v1/portal/leases/${s.l.office.id}/signed-pdf`)).statusCode).toBe(403);

    // Where the landlord demands BankID, not before the session has used it.
    await t.app.db.update(landlords).set({ invoicesRequireStrongAuth: true }).where(eq(landlords.id, s.l.landlord.id));
    const stepUp = await s.mainAdmin.get(`/api/v1/portal/leases/${s.l.office.id}/signed-pdf`);
    expect(stepUp.statusCode).toBe(403);
    expect(stepUp.json().error.code).toBe('strong_auth_required');
  });

  it('a plain link works for any customer the person belongs to, without the customer header', async () => {
    const s = await setUp();
    await attachPdf(s, s.l.flat.id);
    // The company's main administrator is also the household's main administrator (second membership).
    await t.app.db
      .insert(portalMemberships)
      .values({ portalUserId: s.l.companyUser.id, customerId: s.l.household.customer.id, landlordId: s.l.landlord.id, role: 'main_admin' });
    const res = await s.mainAdmin.get(`/api/v1/portal/leases/${s.l.flat.id}/signed-pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
  });
});

describe('portal leases: request a copy (seed 001)', () => {
  it('opens one inquiry linked to the lease, titled in the person’s language, and lands in the lease’s cases', async () => {
    const s = await setUp({ locale: 'sv' });
    const res = await s.user.post(`/api/v1/portal/leases/${s.l.office.id}/request-copy`);
    expect(res.statusCode, res.body).toBe(201);
    const { caseId } = res.json();
    const opened = (await s.user.get(`/api/v1/portal/cases/${caseId}`)).json();
    expect(opened).toMatchObject({
      type: 'inquiry',
      status: 'new',
      title: `Kopia av hyresavtal ${s.l.office.number}`,
      lease: { id: s.l.office.id, number: s.l.office.number },
      customer: { id: s.l.company.customer.id },
      following: true,
    });
    expect(opened.description).toContain(s.l.office.number);
    expect(opened.description).toContain('Testgatan 1, plan 2');
    expect(opened.location.agreementNumber).toBe(s.l.office.number);
    const rows = await t.app.db.select().from(cases).where(eq(cases.leaseId, s.l.office.id));
    expect(rows.map((r) => r.id)).toEqual([caseId]);
    expect((await s.mainAdmin.get(`/api/v1/portal/leases/${s.l.office.id}`)).json().cases.items.map((c: { id: string }) => c.id)).toEqual([
      caseId,
    ]);
    // English for someone who reads English.
    const en = (await s.mainAdmin.post(`/api/v1/portal/leases/${s.l.office.id}/request-copy`)).json();
    expect((await s.mainAdmin.get(`/api/v1/portal/cases/${en.caseId}`)).json().title).toBe(`Copy of lease ${s.l.office.number}`);
  });

  it('is refused with 409 lease_copy_available while a signed PDF exists, and opens no case', async () => {
    const s = await setUp();
    await attachPdf(s, s.l.office.id);
    const res = await s.mainAdmin.post(`/api/v1/portal/leases/${s.l.office.id}/request-copy`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('lease_copy_available');
    expect(await t.app.db.select().from(cases).where(eq(cases.leaseId, s.l.office.id))).toEqual([]);
  });
});
