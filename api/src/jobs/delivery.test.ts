import { randomUUID } from 'node:crypto';
import { genitive } from '@portico/shared/i18n/genitive';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeLandlord, PNG, signIn, type TestLandlord, tokenFromLink } from '../../test/helpers';
import { insertProperty } from '../db/fixtures';
import { customers } from '../db/schema/customers';
import { leases } from '../db/schema/leases';
import { outbox } from '../db/schema/outbox';
import { startCatcher } from '../dev/catcher';
import { startWorker } from '../worker';
import { ownDatabase, waitFor } from './test-support';

/**
 * The worker against a real SMTP server. This file has its own database and queue prefix, so
 * its worker sees only the outbox rows these tests write.
 */
let database: Awaited<ReturnType<typeof ownDatabase>>;
let catcher: Awaited<ReturnType<typeof startCatcher>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
let worker: ReturnType<typeof startWorker>;

beforeAll(async () => {
  database = await ownDatabase('delivery');
  catcher = await startCatcher({ smtpPort: 0, httpPort: 0 });
  t = await createTestApp({
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
    SMS_GATEWAY_URL: `http://127.0.0.1:${catcher.httpPort}/a1/sms`,
    NOTIFY_BACKOFF_MS: '100',
    NOTIFY_ATTEMPTS: '3',
    RELAY_INTERVAL_MS: '50',
    REDIS_PREFIX: database.name,
  });
  worker = startWorker(t.deps);
});

afterAll(async () => {
  await worker?.close();
  await t?.close();
  await catcher?.close();
  await database?.drop();
});

const mailTo = (address: string) => waitFor(() => catcher.mails.find((m) => m.to.includes(address)));

async function staffWrites(l: TestLandlord, body = 'Vattnet stängs av på torsdag.') {
  const staff = await signIn(t.app, 'staff', l.admin.email);
  const res = await staff.post('/api/v1/threads', { customerId: l.household.customer.id, leaseId: l.flat.id, subject: 'Vatten', body });
  expect(res.statusCode).toBe(201);
  return { staff, thread: res.json() };
}

describe('delivery through SMTP', () => {
  it('sends the invitation with the message text in the landlord’s language, then the staff notice with its link', async () => {
    const l = await makeLandlord(t.app, { locale: 'sv' });
    const { staff, thread } = await staffWrites(l);
    const tenantAddress = l.household.contacts[0]!.email!;
    const mail = await mailTo(tenantAddress);
    expect(mail.subject).toBe(`Nytt meddelande från ${l.landlord.name}: Vatten`);
    expect(mail.text).toContain('Vattnet stängs av på torsdag.');
    expect(mail.text).toContain('Du kan svara när du har skapat ditt konto');
    const link = mail.text.match(/http:\/\/tenant\.test\/invitation\/[\w-]+/)![0];

    // The console shows the message as sent once the worker has delivered it.
    await waitFor(async () => (await staff.get(`/api/v1/threads/${thread.id}`)).json().messages[0].delivery === 'sent');

    const tenant = new Client(t.app);
    const accepted = await tenant.post(`/api/v1/auth/invitations/${tokenFromLink(link)}/accept`, {
      name: 'Tina',
      password: 'a long enough passphrase',
    });
    expect(accepted.json().threadId).toBe(thread.id);
    const photo = await tenant.upload('/api/v1/portal/uploads', PNG, 'photo.png');
    await tenant.post(`/api/v1/portal/threads/${thread.id}/messages`, { body: 'Tack!', attachmentIds: [photo.json().id] });

    const notice = await mailTo(l.admin.email);
    expect(notice.subject).toBe(`Nytt meddelande från ${l.household.customer.name}: Vatten`);
    expect(notice.text).toContain(`http://admin.test/messages/${thread.id}`);
  });

  it('retries through an SMTP outage and then delivers', async () => {
    const l = await makeLandlord(t.app, { locale: 'en' });
    catcher.failNext(2);
    await staffWrites(l, 'After the outage');
    const mail = await mailTo(l.household.contacts[0]!.email!);
    expect(mail.text).toContain('After the outage');
    const [row] = await t.app.db.select().from(outbox).where(eq(outbox.landlordId, l.landlord.id));
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('ends visibly as failed when SMTP keeps refusing', async () => {
    const l = await makeLandlord(t.app, { locale: 'en' });
    catcher.failNext(1000);
    try {
      const { staff, thread } = await staffWrites(l, 'Never arrives');
      await waitFor(async () => (await staff.get(`/api/v1/threads/${thread.id}`)).json().messages[0].delivery === 'failed');
      const [row] = await t.app.db.select().from(outbox).where(eq(outbox.landlordId, l.landlord.id));
      expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: expect.stringContaining('421') });
    } finally {
      catcher.failNext(0);
    }
  });

  it('sends nothing for a write that rolled back', async () => {
    const l = await makeLandlord(t.app);
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const res = await staff.post('/api/v1/threads', {
      customerId: l.household.customer.id,
      leaseId: l.flat.id,
      subject: 'Rolled back',
      body: 'x',
      attachmentIds: [randomUUID()],
    });
    expect(res.statusCode).toBe(404);
    // Give the relay several passes to prove it has nothing to send.
    await new Promise((r) => setTimeout(r, 500));
    expect(catcher.mails.filter((m) => m.to.includes(l.household.contacts[0]!.email!))).toHaveLength(0);
    expect(await t.app.db.select().from(outbox).where(eq(outbox.landlordId, l.landlord.id))).toHaveLength(0);
  });
});

describe('service case notifications', () => {
  it('sends the reporter the confirmation with a link to the case', async () => {
    const l = await makeLandlord(t.app, { locale: 'sv' });
    const tenant = await signIn(t.app, 'portal', l.companyUser.email);
    const res = await tenant.post('/api/v1/portal/cases', { title: 'Diskmaskinen', description: 'Tömmer inte', leaseId: l.office.id });
    const created = res.json();
    const mail = await waitFor(() => catcher.mails.find((m) => m.to.includes(l.companyUser.email) && m.subject.includes(created.number)));
    expect(mail.subject).toBe(`Vi har tagit emot ditt ärende ${created.number}: Diskmaskinen`);
    expect(mail.text).toContain(`http://tenant.test/cases/${created.id}`);
  });

  it('fans a related case out by SMS to 200 customers of a property, each exactly once', async () => {
    const l = await makeLandlord(t.app);
    const { property, units } = await insertProperty(
      t.app.db,
      { landlordId: l.landlord.id, name: 'Stora huset', street: 'Storgatan 1', postalCode: '111 22', city: 'Stockholm' },
      Array.from({ length: 200 }, (_, i) => ({
        number: `S${1000 + i}`,
        type: 'apartment' as const,
        address: `Storgatan 1, lgh ${1000 + i}`,
      })),
    );
    const prefix = `+4673${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
    const phones = units.map((_, i) => `${prefix}${String(i).padStart(4, '0')}`);
    const customerRows = await t.app.db
      .insert(customers)
      .values(units.map((_, i) => ({ landlordId: l.landlord.id, kind: 'person' as const, name: `Boende ${i}`, phone: phones[i]! })))
      .returning();
    await t.app.db.insert(leases).values(
      customerRows.map((c, i) => ({
        landlordId: l.landlord.id,
        customerId: c.id,
        unitId: units[i]!.id,
        number: `B-${i}`,
        validFrom: '2025-01-01',
      })),
    );

    const staff = await signIn(t.app, 'staff', l.admin.email);
    const res = await staff.post('/api/v1/cases/related', {
      propertyId: property.id,
      title: 'Vattenläcka',
      description: 'Vattnet stängs av nu.',
      sms: true,
    });
    expect(res.statusCode).toBe(201);
    const ours = () => catcher.sms.filter((m) => m.to.startsWith(prefix));
    await waitFor(() => ours().length >= 200, 60_000);
    // Give the worker time to send any duplicate before counting.
    await new Promise((r) => setTimeout(r, 500));
    const received = ours();
    expect(received).toHaveLength(200);
    expect(new Set(received.map((m) => m.to)).size).toBe(200);
    expect(received[0]!.message).toContain('Vattenläcka');
    const detail = (await staff.get(`/api/v1/cases/${res.json().id}`)).json();
    await waitFor(async () =>
      (await staff.get(`/api/v1/cases/${res.json().id}`)).json().recipients.every((r: { sms: string }) => r.sms === 'sent'),
    );
    expect(detail.recipients).toHaveLength(200);
  });
});

describe('the landlord’s own SMS sender (settings)', () => {
  /** One customer with a mobile on a lease in a new property; a related case with SMS to that property. */
  async function smsFromCase(l: TestLandlord) {
    const { property, units } = await insertProperty(
      t.app.db,
      { landlordId: l.landlord.id, name: 'Lilla huset', street: 'Lillgatan 1', postalCode: '111 22', city: 'Stockholm' },
      [{ number: '1', type: 'apartment', address: 'Lillgatan 1, lgh 1' }],
    );
    const phone = `+4673${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const [customer] = await t.app.db
      .insert(customers)
      .values({ landlordId: l.landlord.id, kind: 'person', name: 'Sms Boende', phone })
      .returning();
    await t.app.db.insert(leases).values({
      landlordId: l.landlord.id,
      customerId: customer!.id,
      unitId: units[0]!.id,
      number: `S-${randomUUID().slice(0, 6)}`,
      validFrom: '2025-01-01',
    });
    const staff = await signIn(t.app, 'staff', l.admin.email);
    const res = await staff.post('/api/v1/cases/related', {
      propertyId: property.id,
      title: 'Hissen',
      description: 'Hissen lagas.',
      sms: true,
    });
    expect(res.statusCode).toBe(201);
    return waitFor(() => catcher.sms.find((m) => m.to === phone));
  }

  it('goes out with the sender the admin set; a landlord without one uses the service default', async () => {
    const l = await makeLandlord(t.app);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const saved = await admin.patch('/api/v1/settings', { smsSender: 'GotaHem' });
    expect(saved.json().smsSender).toBe('GotaHem');
    expect((await smsFromCase(l)).from).toBe('GotaHem');

    const plain = await makeLandlord(t.app);
    expect((await smsFromCase(plain)).from).toBe('Portico');
  });
});

describe('a staff invitation through SMTP', () => {
  it('arrives with a console link that signs the colleague in', async () => {
    const l = await makeLandlord(t.app, { locale: 'da' });
    const admin = await signIn(t.app, 'staff', l.admin.email);
    const address = `kollega-${randomUUID().slice(0, 8)}@staff.test`;
    expect((await admin.post('/api/v1/staff-users', { email: address, name: 'Karen', role: 'manager' })).statusCode).toBe(201);
    const mail = await mailTo(address);
    expect(mail.subject).toBe(`Du er inviteret til ${genitive(l.landlord.name, 'da')} konsol i Portico`);
    const link = mail.text.match(/http:\/\/admin\.test\/staff-invitation\/[\w-]+/)![0];
    const res = await new Client(t.app).post(`/api/v1/auth/staff/invitations/${tokenFromLink(link)}/accept`, {
      password: 'Karens-Long-Passphrase-1',
    });
    expect(res.statusCode).toBe(200);
  });
});
