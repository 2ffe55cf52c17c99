import { randomUUID } from 'node:crypto';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '@portico/shared/contracts/accounts';
import { and, eq, type SQLWrapper, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, outboxFor, PASSWORD, PDF, PNG, signIn } from '../../../test/helpers';
import { insertCustomer, insertLease, insertPortalUser, insertProperty, insertStaff } from '../../db/fixtures';
import { documents } from '../../db/schema/content';
import { customers } from '../../db/schema/customers';
import { attachments } from '../../db/schema/messaging';
import { portalUsers } from '../../db/schema/portal-users';
import * as repo from './repo';

/** Issue 12 §5 (seed 004): documents for a customer, a lease or a property, and who sees them. */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tag = () => randomUUID().slice(0, 8);

/** A landlord with its company's main admin, an admin and a user, the household, and a tenant at another property. */
async function setUp() {
  const l = await makeLandlord(t.app);
  const person = async (role: 'admin' | 'user', customerId = l.company.customer.id) => {
    const u = await insertPortalUser(
      t.app.db,
      { email: `${role}-${tag()}@company.test`, name: `${role} person`, password: PASSWORD, locale: 'sv' },
      [{ landlordId: l.landlord.id, customerId, role }],
    );
    return { row: u, client: await signIn(t.app, 'portal', u.email) };
  };
  const admin = await person('admin');
  const user = await person('user');
  const home = await insertPortalUser(t.app.db, { email: `home-${tag()}@tenant.test`, name: 'Home', password: PASSWORD }, [
    { landlordId: l.landlord.id, customerId: l.household.customer.id, contactId: l.household.contacts[0]!.id, role: 'main_admin' },
  ]);
  // A customer renting at another property of the same landlord.
  const other = await insertProperty(
    t.app.db,
    { landlordId: l.landlord.id, name: 'Andra gatan 2', street: 'Andra gatan 2', postalCode: '222 22', city: 'Malmö' },
    [{ number: `9${tag().slice(0, 3)}`, type: 'apartment', address: 'Andra gatan 2, lgh 1' }],
  );
  const elsewhere = await insertCustomer(t.app.db, { landlordId: l.landlord.id, kind: 'person', name: `Elsewhere ${tag()}` }, [
    { name: 'Elsewhere', email: `else-${tag()}@tenant.test` },
  ]);
  await insertLease(t.app.db, {
    landlordId: l.landlord.id,
    customerId: elsewhere.customer.id,
    unitId: other.units[0]!.id,
    number: `L-E-${tag()}`,
    validFrom: '2024-01-01',
  });
  const elsewhereUser = await insertPortalUser(t.app.db, { email: `elsewhere-${tag()}@tenant.test`, name: 'E', password: PASSWORD }, [
    { landlordId: l.landlord.id, customerId: elsewhere.customer.id, role: 'main_admin' },
  ]);
  return {
    l,
    otherProperty: other.property,
    manager: await signIn(t.app, 'staff', l.manager.email),
    mainAdmin: await signIn(t.app, 'portal', l.companyUser.email),
    admin: admin.client,
    adminRow: admin.row,
    user: user.client,
    userRow: user.row,
    home: await signIn(t.app, 'portal', home.email),
    elsewhere: await signIn(t.app, 'portal', elsewhereUser.email),
  };
}

async function upload(c: Client, data: Buffer | Uint8Array = PDF, name = 'ordningsregler.pdf') {
  const res = await c.upload('/api/v1/uploads', data, name, 'application/pdf');
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function file(
  c: Client,
  scope: 'customer' | 'lease' | 'property',
  targetId: string,
  more: { title?: string; category?: string; data?: Buffer } = {},
) {
  const res = await c.post('/api/v1/documents', {
    scope,
    targetId,
    category: more.category ?? 'other',
    title: more.title ?? `${scope} document`,
    attachmentId: await upload(c, more.data),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: string };
}

const portalIds = async (c: Client) => {
  const res = await c.get('/api/v1/portal/documents');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((d) => d.id).sort();
};

describe('documents: staff', () => {
  it('a manager files a document for a customer, a lease and a property; each names its target', async () => {
    const s = await setUp();
    const c = await file(s.manager, 'customer', s.l.company.customer.id, { title: 'Avtal', category: 'contract' });
    const l = await file(s.manager, 'lease', s.l.office.id);
    const p = await file(s.manager, 'property', s.l.property.id, { category: 'house_rules' });
    const got = await s.manager.get(`/api/v1/documents/${c.id}`);
    expect(got.json()).toMatchObject({
      scope: 'customer',
      category: 'contract',
      title: 'Avtal',
      customer: { id: s.l.company.customer.id, name: s.l.company.customer.name },
      lease: null,
      property: null,
      file: { filename: 'ordningsregler.pdf', contentType: 'application/pdf', size: PDF.length },
    });
    expect((await s.manager.get(`/api/v1/documents/${l.id}`)).json().lease).toEqual({
      id: s.l.office.id,
      number: s.l.office.number,
      customerId: s.l.company.customer.id,
    });
    // Newest first; each filter is the document's own target; the category filter too.
    const all = (await s.manager.get('/api/v1/documents')).json();
    expect(all.items.map((d: { id: string }) => d.id)).toEqual([p.id, l.id, c.id]);
    const byCustomer = (await s.manager.get(`/api/v1/documents?customerId=${s.l.company.customer.id}`)).json();
    expect(byCustomer.items.map((d: { id: string }) => d.id)).toEqual([c.id]);
    const byLease = (await s.manager.get(`/api/v1/documents?leaseId=${s.l.office.id}`)).json();
    expect(byLease.items.map((d: { id: string }) => d.id)).toEqual([l.id]);
    const byProperty = (await s.manager.get(`/api/v1/documents?propertyId=${s.l.property.id}&category=house_rules`)).json();
    expect(byProperty.items.map((d: { id: string }) => d.id)).toEqual([p.id]);
    expect((await s.manager.get('/api/v1/documents?category=manual')).json().items).toEqual([]);
    // Keyset pages of one.
    const first = (await s.manager.get('/api/v1/documents?limit=1')).json();
    const second = (await s.manager.get(`/api/v1/documents?limit=1&cursor=${first.nextCursor}`)).json();
    expect([first.items[0].id, second.items[0].id]).toEqual([p.id, l.id]);
    // Renamed and recategorised.
    const patched = await s.manager.patch(`/api/v1/documents/${p.id}`, { title: 'Ordningsregler 2027', category: 'manual' });
    expect(patched.json()).toMatchObject({ title: 'Ordningsregler 2027', category: 'manual' });
    // Staff download it with download headers.
    const dl = await s.manager.get(`/api/v1/documents/${p.id}/file`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
  });

  it('any sniffed upload type is accepted; someone else’s or a used upload is refused', async () => {
    const s = await setUp();
    const png = await s.manager.post('/api/v1/documents', {
      scope: 'property',
      targetId: s.l.property.id,
      category: 'manual',
      title: 'Plan',
      attachmentId: (await s.manager.upload('/api/v1/uploads', PNG, 'plan.png', 'image/png')).json().id,
    });
    expect(png.statusCode, png.body).toBe(201);
    const admin = await signIn(t.app, 'staff', s.l.admin.email);
    const theirs = await upload(admin);
    const res = await s.manager.post('/api/v1/documents', {
      scope: 'property',
      targetId: s.l.property.id,
      category: 'manual',
      title: 'X',
      attachmentId: theirs,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.resource).toBe('attachment');
    // Nothing was filed by the failed attempt.
    expect((await s.manager.get('/api/v1/documents')).json().items).toHaveLength(1);
  });

  it('finance and technicians get 403; another landlord’s targets and documents are 404', async () => {
    const s = await setUp();
    const doc = await file(s.manager, 'property', s.l.property.id);
    const finance = await insertStaff(t.app.db, {
      landlordId: s.l.landlord.id,
      email: `fin-${tag()}@staff.test`,
      name: 'Fin',
      role: 'finance',
      password: PASSWORD,
    });
    for (const email of [finance.email, s.l.technician.email]) {
      const c = await signIn(t.app, 'staff', email);
      expect((await c.get('/api/v1/documents')).statusCode).toBe(403);
      expect((await c.get(`/api/v1/documents/${doc.id}`)).statusCode).toBe(403);
      expect((await c.request('DELETE', `/api/v1/documents/${doc.id}`)).statusCode).toBe(403);
    }
    const other = await makeLandlord(t.app);
    const them = await signIn(t.app, 'staff', other.manager.email);
    expect((await them.get(`/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await them.get(`/api/v1/documents/${doc.id}/file`)).statusCode).toBe(404);
    expect((await them.patch(`/api/v1/documents/${doc.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await them.request('DELETE', `/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    for (const [scope, id, resource] of [
      ['customer', s.l.company.customer.id, 'customer'],
      ['lease', s.l.office.id, 'lease'],
      ['property', s.l.property.id, 'property'],
    ] as const) {
      const res = await them.post('/api/v1/documents', {
        scope,
        targetId: id,
        category: 'other',
        title: 'x',
        attachmentId: await upload(them),
      });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.resource).toBe(resource);
    }
    expect((await s.manager.patch(`/api/v1/documents/${doc.id}`, {})).statusCode).toBe(400);
  });

  it('deleting a document releases its file for the stale-upload sweeper', async () => {
    const s = await setUp();
    const doc = await file(s.manager, 'property', s.l.property.id);
    const [before] = await t.app.db.select().from(attachments).where(eq(attachments.documentId, doc.id));
    expect(before).toBeDefined();
    const res = await s.manager.request('DELETE', `/api/v1/documents/${doc.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const [after] = await t.app.db.select().from(attachments).where(eq(attachments.id, before!.id));
    expect(after).toMatchObject({ documentId: null, propertyId: null, leaseId: null, messageId: null });
    expect(await t.app.db.select().from(documents).where(eq(documents.id, doc.id))).toEqual([]);
    expect((await s.manager.get(`/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await s.mainAdmin.get(`/api/v1/portal/documents/${doc.id}/file`)).statusCode).toBe(404);
  });
});

describe('documents: the portal (seed 002 matrix)', () => {
  it('customer and lease documents for main administrators and administrators; property documents for every role of its tenants', async () => {
    const s = await setUp();
    const cust = await file(s.manager, 'customer', s.l.company.customer.id);
    const lease = await file(s.manager, 'lease', s.l.office.id);
    const prop = await file(s.manager, 'property', s.l.property.id);
    const otherProp = await file(s.manager, 'property', s.otherProperty.id);
    const home = await file(s.manager, 'customer', s.l.household.customer.id);

    expect(await portalIds(s.mainAdmin)).toEqual([cust.id, lease.id, prop.id].sort());
    expect(await portalIds(s.admin)).toEqual([cust.id, lease.id, prop.id].sort());
    expect(await portalIds(s.user)).toEqual([prop.id]);
    expect(await portalIds(s.home)).toEqual([prop.id, home.id].sort());
    expect(await portalIds(s.elsewhere)).toEqual([otherProp.id]);

    const row = (await s.mainAdmin.get('/api/v1/portal/documents')).json().items.find((d: { id: string }) => d.id === lease.id);
    expect(row).toMatchObject({ scope: 'lease', about: s.l.office.number, file: { filename: 'ordningsregler.pdf' } });

    // Downloads follow the same rule; anything else is 404.
    const ok = await s.admin.get(`/api/v1/portal/documents/${lease.id}/file`);
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.equals(PDF)).toBe(true);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect((await s.user.get(`/api/v1/portal/documents/${prop.id}/file`)).statusCode).toBe(200);
    expect((await s.user.get(`/api/v1/portal/documents/${cust.id}/file`)).statusCode).toBe(404);
    expect((await s.user.get(`/api/v1/portal/documents/${lease.id}/file`)).statusCode).toBe(404);
    expect((await s.home.get(`/api/v1/portal/documents/${cust.id}/file`)).statusCode).toBe(404);
    expect((await s.elsewhere.get(`/api/v1/portal/documents/${prop.id}/file`)).statusCode).toBe(404);

    // Another landlord's tenant sees none of it.
    const other = await makeLandlord(t.app);
    const stranger = await signIn(t.app, 'portal', other.companyUser.email);
    expect(await portalIds(stranger)).toEqual([]);
    expect((await stranger.get(`/api/v1/portal/documents/${prop.id}/file`)).statusCode).toBe(404);

    // The category filter.
    await s.manager.patch(`/api/v1/documents/${prop.id}`, { category: 'house_rules' });
    const rules = (await s.user.get('/api/v1/portal/documents?category=house_rules')).json();
    expect(rules.items.map((d: { id: string }) => d.id)).toEqual([prop.id]);
  });

  it('tenants cannot file documents (no portal route accepts one)', async () => {
    const s = await setUp();
    const res = await s.mainAdmin.post('/api/v1/portal/documents', {});
    expect(res.statusCode).toBe(404);
    expect((await s.mainAdmin.get('/api/v1/documents')).statusCode).toBe(401);
  });
});

describe('documents: the e-mail (issue 12 §5)', () => {
  it('a customer or lease document is e-mailed to the members who may open it and want e-mail; a property document to nobody', async () => {
    const s = await setUp();
    await t.app.db
      .update(portalUsers)
      .set({ notificationPrefs: { ...DEFAULT_NOTIFICATION_PREFERENCES, messages: { email: false, sms: false } } })
      .where(eq(portalUsers.id, s.adminRow.id));
    await file(s.manager, 'customer', s.l.company.customer.id, { title: 'Hyresavtal 2027' });
    const main = await outboxFor(t.app, s.l.companyUser.email);
    expect(main).toHaveLength(1);
    expect(main[0]!.payload).toMatchObject({
      template: 'document_added',
      title: 'Hyresavtal 2027',
      link: expect.stringMatching(/\/documents$/),
    });
    // The administrator turned message e-mails off; the user may not open it; plain contacts are not members.
    expect(await outboxFor(t.app, s.adminRow.email)).toHaveLength(0);
    expect(await outboxFor(t.app, s.userRow.email)).toHaveLength(0);
    expect(await outboxFor(t.app, s.l.company.contacts[1]!.email!)).toHaveLength(0);

    await file(s.manager, 'lease', s.l.office.id, { title: 'Bilaga' });
    expect(await outboxFor(t.app, s.l.companyUser.email)).toHaveLength(2);
    await file(s.manager, 'property', s.l.property.id, { title: 'Ordningsregler' });
    expect(await outboxFor(t.app, s.l.companyUser.email)).toHaveLength(2);
  });

  it('the e-mail is in the member’s language', async () => {
    const s = await setUp();
    await t.app.db
      .update(portalUsers)
      .set({ notificationPrefs: null })
      .where(and(eq(portalUsers.id, s.adminRow.id)));
    await file(s.manager, 'customer', s.l.company.customer.id, { title: 'Avtal' });
    const [row] = await outboxFor(t.app, s.adminRow.email);
    expect(row!.payload).toMatchObject({ template: 'document_added', locale: 'sv' });
    const { renderEmail } = await import('../../notify/templates');
    const mail = renderEmail(row!.payload as Parameters<typeof renderEmail>[0]);
    expect(mail.subject).toBe('Nytt dokument: Avtal');
    expect(mail.text).toContain('/documents');
  });
});

describe('documents: plans on a few thousand rows (docs/content-plans.md)', () => {
  it('the portal list ORs the customer, lease and property indexes instead of filtering every document of the landlord', async () => {
    const l = await makeLandlord(t.app);
    const landlordId = l.landlord.id;
    const others = await t.app.db
      .insert(customers)
      .values(Array.from({ length: 200 }, (_, i) => ({ landlordId, kind: 'person' as const, name: `Other ${i}` })))
      .returning({ id: customers.id });
    const n = 4000;
    const docs = await t.app.db
      .insert(documents)
      .values(
        Array.from({ length: n }, (_, i) => ({
          landlordId,
          scope: 'customer' as const,
          customerId: others[i % others.length]!.id,
          category: 'other' as const,
          title: `D${i}`,
          createdAt: new Date(Date.now() - i * 60_000),
        })),
      )
      .returning({ id: documents.id });
    await t.app.db.insert(attachments).values(
      docs.map((d) => ({
        landlordId,
        uploaderKind: 'staff' as const,
        uploaderId: l.admin.id,
        filename: 'd.pdf',
        contentType: 'application/pdf',
        size: 10,
        storageKey: `documents/${d.id}`,
        documentId: d.id,
      })),
    );
    await t.app.db.execute(sql`analyze documents`);
    await t.app.db.execute(sql`analyze attachments`);
    const plan = async (q: SQLWrapper) => {
      const res = await t.app.db.execute(sql`explain ${q}`);
      return res.rows.map((r) => (r as { 'QUERY PLAN': string })['QUERY PLAN']).join('\n');
    };
    const viewer = { landlordId, customerId: l.company.customer.id, seesCustomerDocuments: true };
    const text = await plan(repo.portalDocumentsQuery(t.app.db, viewer, { limit: 25 }));
    for (const index of ['documents_customer_idx', 'documents_lease_idx', 'documents_property_idx'])
      expect(text, text).toMatch(new RegExp(`Index Scan on ${index}`));
    expect(text, text).not.toContain('documents_landlord_created_idx');
  });
});
