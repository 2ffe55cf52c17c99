import { DEFAULT_NOTIFICATION_PREFERENCES } from '@portico/shared/contracts/accounts';
import type { Notification } from '@portico/shared/jobs';
import type { Job } from 'bullmq';
import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, PASSWORD, signIn, type TestLandlord } from '../../../test/helpers';
import { insertInvoice, insertStaff } from '../../db/fixtures';
import { billingSettings, invoiceLines, invoices, mandates } from '../../db/schema/invoices';
import { landlords } from '../../db/schema/landlords';
import { outbox } from '../../db/schema/outbox';
import { portalUsers } from '../../db/schema/portal-users';
import { startCatcher } from '../../dev/catcher';
import { deliverProcessor } from '../../jobs/deliver';
import { queueSettings } from '../../jobs/queue-config';
import { ownDatabase } from '../../jobs/test-support';
import { createMailer } from '../../notify/mailer';
import { createSmsSender } from '../../notify/sms';
import { emailPendingNotices, renderPendingPdfs, sendDueReminders } from './service';

// The worker's passes read every landlord's notices: this file has a database of its own.
let database: Awaited<ReturnType<typeof ownDatabase>>;
let catcher: Awaited<ReturnType<typeof startCatcher>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  database = await ownDatabase('notices');
  catcher = await startCatcher({ smtpPort: 0, httpPort: 0 });
  t = await createTestApp({ DATABASE_URL: database.url, SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`, REDIS_PREFIX: database.name });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await catcher?.close();
  await database?.drop();
});

/** A Swedish landlord with a bankgiro and an org number, and one March notice of the company's with two lines. */
async function billed(opts: { status?: 'unpaid' | 'paid'; dueDate?: string } = {}) {
  const l = await makeLandlord(t.app, { locale: 'sv' });
  await t.app.db
    .update(landlords)
    .set({ orgNumber: '556677-8899', paymentAccounts: { bankgiro: '991-2346' }, brandName: 'Göta Hem' })
    .where(eq(landlords.id, l.landlord.id));
  const notice = await insertInvoice(t.app.db, {
    landlordId: l.landlord.id,
    customerId: l.company.customer.id,
    leaseId: l.office.id,
    status: opts.status ?? 'unpaid',
    period: '2027-03',
    dueDate: opts.dueDate ?? '2027-02-26',
    totalMinor: 845_000,
  });
  await t.app.db.insert(invoiceLines).values([
    {
      landlordId: l.landlord.id,
      invoiceId: notice.id,
      position: 1,
      kind: 'rent',
      description: 'Hyra kontor',
      amountMinor: 676_000,
      vatRate: 25,
      vatMinor: 169_000,
    },
  ]);
  return { l, notice };
}

async function pdfText(bytes: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

const noticeMails = async (landlordId: string, template: Notification['template']) =>
  (await t.app.db.select().from(outbox).where(eq(outbox.landlordId, landlordId)))
    .map((r) => r.payload as Notification & { attachments?: unknown[] })
    .filter((p) => p.template === template);

describe('portal notice page', () => {
  it('the main administrator sees the notice, its PDF and its QR code; others do not', async () => {
    const { l, notice } = await billed();
    const owner = await signIn(t.app, 'portal', l.companyUser.email);
    const detail = await owner.get(`/api/v1/portal/invoices/${notice.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      id: notice.id,
      period: { start: '2027-03-01', end: '2027-03-31' },
      openMinor: 845_000,
      status: 'unpaid',
      payment: { method: 'bankgiro', account: '991-2346', reference: notice.reference },
      lines: [{ kind: 'rent', description: 'Hyra kontor', vatRate: 25 }],
    });

    const pdf = await owner.get(`/api/v1/portal/invoices/${notice.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`inline; filename="${notice.number}.pdf"`);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(`# ${notice.reference} #8450 00 9 >9912346#41#`);
    expect(text).toContain('Göta Hem');
    expect(text).toContain('Mars 2027');
    // Rendered on demand, stored and recorded like the worker's.
    const [row] = await t.app.db.select({ pdfKey: invoices.pdfKey }).from(invoices).where(eq(invoices.id, notice.id));
    expect(row!.pdfKey).toBe(notice.id);

    const qr = await owner.get(`/api/v1/portal/invoices/${notice.id}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(qr.body).toMatch(/^<svg/);

    // A plain user of the same customer: not for them (seed 002).
    const member = await insertMember(l);
    for (const path of ['', '/pdf', '/qr.svg'])
      expect((await member.get(`/api/v1/portal/invoices/${notice.id}${path}`)).statusCode).toBe(403);
    // Another customer of the landlord, and another landlord's tenant: no such notice.
    const other = await billed();
    for (const path of ['', '/pdf', '/qr.svg']) {
      const res = await owner.get(`/api/v1/portal/invoices/${other.notice.id}${path}`);
      expect(res.statusCode).toBe(404);
    }
    const neighbour = await insertInvoice(t.app.db, {
      landlordId: l.landlord.id,
      customerId: l.household.customer.id,
      leaseId: l.flat.id,
      status: 'unpaid',
    });
    expect((await owner.get(`/api/v1/portal/invoices/${neighbour.id}`)).statusCode).toBe(404);
    expect((await owner.get(`/api/v1/portal/invoices/${neighbour.id}/pdf`)).statusCode).toBe(404);
  });

  it('asks for BankID first where the landlord demands it', async () => {
    const { l, notice } = await billed();
    await t.app.db.update(landlords).set({ invoicesRequireStrongAuth: true }).where(eq(landlords.id, l.landlord.id));
    const owner = await signIn(t.app, 'portal', l.companyUser.email);
    for (const path of ['', '/pdf', '/qr.svg']) {
      const res = await owner.get(`/api/v1/portal/invoices/${notice.id}${path}`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('strong_auth_required');
    }
  });

  it('a paid notice has no QR code (404 notice_nothing_to_pay), and a paid date', async () => {
    const { l, notice } = await billed({ status: 'paid' });
    await t.app.db.update(invoices).set({ paidAt: '2027-02-20' }).where(eq(invoices.id, notice.id));
    const owner = await signIn(t.app, 'portal', l.companyUser.email);
    expect((await owner.get(`/api/v1/portal/invoices/${notice.id}`)).json()).toMatchObject({
      status: 'paid',
      paidAt: '2027-02-20',
      payment: null,
    });
    const qr = await owner.get(`/api/v1/portal/invoices/${notice.id}/qr.svg`);
    expect(qr.statusCode).toBe(404);
    expect(qr.json().error.code).toBe('notice_nothing_to_pay');
  });
});

async function insertMember(l: TestLandlord) {
  const { insertPortalUser } = await import('../../db/fixtures');
  const email = `member-${l.landlord.id.slice(0, 8)}@company.test`;
  await insertPortalUser(t.app.db, { email, name: 'Member', password: PASSWORD }, [
    { landlordId: l.landlord.id, customerId: l.company.customer.id, contactId: l.company.contacts[1]!.id, role: 'user' },
  ]);
  return signIn(t.app, 'portal', email);
}

describe('staff notice PDF and QR', () => {
  it('admin, finance and manager read them; a technician does not; another landlord finds nothing', async () => {
    const { l, notice } = await billed();
    const finance = await insertStaff(t.app.db, {
      landlordId: l.landlord.id,
      email: `finance-${notice.id.slice(0, 8)}@staff.test`,
      name: 'F',
      role: 'finance',
      password: PASSWORD,
    });
    for (const email of [l.admin.email, l.manager.email, finance.email]) {
      const staff = await signIn(t.app, 'staff', email);
      const pdf = await staff.get(`/api/v1/invoices/${notice.id}/pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(await pdfText(pdf.rawPayload)).toContain('>9912346#41#');
      expect((await staff.get(`/api/v1/invoices/${notice.id}/qr.svg`)).statusCode).toBe(200);
    }
    const technician = await signIn(t.app, 'staff', l.technician.email);
    expect((await technician.get(`/api/v1/invoices/${notice.id}/pdf`)).statusCode).toBe(403);
    expect((await technician.get(`/api/v1/invoices/${notice.id}/qr.svg`)).statusCode).toBe(403);
    const other = await makeLandlord(t.app);
    const stranger = await signIn(t.app, 'staff', other.admin.email);
    expect((await stranger.get(`/api/v1/invoices/${notice.id}/pdf`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/invoices/${notice.id}/qr.svg`)).statusCode).toBe(404);
  });
});

describe('the worker: PDFs, e-mail on issue, reminders', () => {
  it('renders pending PDFs by state, once', async () => {
    const { notice } = await billed();
    while ((await renderPendingPdfs(t.deps, 50)) === 50);
    const [row] = await t.app.db.select({ pdfKey: invoices.pdfKey }).from(invoices).where(eq(invoices.id, notice.id));
    expect(row!.pdfKey).toBe(notice.id);
    expect(await renderPendingPdfs(t.deps, 50)).toBe(0);
  });

  it('e-mails an issued notice once to contacts who want invoice e-mails, with the PDF when the landlord attaches it', async () => {
    const { l, notice } = await billed();
    // The main administrator turned invoice e-mails off; the second contact (not registered) gets it; the third has no address.
    await t.app.db
      .update(portalUsers)
      .set({ notificationPrefs: { ...DEFAULT_NOTIFICATION_PREFERENCES, invoices: { email: false, sms: false } } })
      .where(eq(portalUsers.id, l.companyUser.id));
    // Not before its PDF exists.
    await emailPendingNotices(t.deps, 500);
    expect(await noticeMails(l.landlord.id, 'notice_issued')).toHaveLength(0);
    while ((await renderPendingPdfs(t.deps, 50)) === 50);
    await emailPendingNotices(t.deps, 500);
    await emailPendingNotices(t.deps, 500);
    const mails = await noticeMails(l.landlord.id, 'notice_issued');
    expect(mails.map((m) => m.to)).toEqual([l.company.contacts[1]!.email]);
    expect(mails[0]).toMatchObject({
      locale: 'sv',
      landlordName: 'Göta Hem',
      period: 'mars 2027',
      amount: '8\u00a0450,00\u00a0kr',
      dueDate: '2027-02-26',
      payTo: { account: '991-2346', reference: notice.reference },
      link: `http://tenant.test/invoices/${notice.id}`,
      attachments: [{ storageKey: notice.id, filename: `${notice.number}.pdf`, contentType: 'application/pdf' }],
    });
    const [row] = await t.app.db.select({ emailedAt: invoices.emailedAt }).from(invoices).where(eq(invoices.id, notice.id));
    expect(row!.emailedAt).not.toBeNull();

    // The mailer reads the PDF from storage when it sends.
    const [queued] = await t.app.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.landlordId, l.landlord.id)));
    const mailer = createMailer(t.deps.config);
    await deliverProcessor(
      t.deps.db,
      mailer,
      createSmsSender(t.deps.config),
      queueSettings(t.deps.config),
      t.deps.storage,
    )({
      data: { outboxId: queued!.id },
    } as Job);
    mailer.close();
    const caught = catcher.mails.find((m) => m.to.includes(l.company.contacts[1]!.email!));
    expect(caught?.subject).toContain('mars 2027');
    expect(caught?.text).toContain(`http://tenant.test/invoices/${notice.id}`);
    expect(caught?.attachments).toHaveLength(1);
    expect(caught?.attachments[0]).toMatchObject({ filename: `${notice.number}.pdf`, contentType: 'application/pdf' });
    expect(await pdfText(Buffer.from(caught!.attachments[0]!.base64, 'base64'))).toContain('>9912346#41#');
  });

  it('attaches nothing when the landlord says so', async () => {
    const { l } = await billed();
    await t.app.db.update(billingSettings).set({ attachPdf: false }).where(eq(billingSettings.landlordId, l.landlord.id));
    while ((await renderPendingPdfs(t.deps, 50)) === 50);
    await emailPendingNotices(t.deps, 500);
    const mails = await noticeMails(l.landlord.id, 'notice_issued');
    expect(mails.map((m) => m.to).sort()).toEqual([l.company.contacts[0]!.email, l.company.contacts[1]!.email].sort());
    for (const m of mails) expect(m.attachments).toBeUndefined();
  });

  it("reminds after the landlord's days past due, once, and never a notice a mandate pays", async () => {
    const { l, notice } = await billed({ dueDate: '2027-02-26' });
    const byMandate = await insertInvoice(t.app.db, {
      landlordId: l.landlord.id,
      customerId: l.company.customer.id,
      leaseId: l.office.id,
      status: 'unpaid',
      period: '2027-04',
      dueDate: '2027-02-26',
    });
    const [mandate] = await t.app.db
      .insert(mandates)
      .values({
        landlordId: l.landlord.id,
        customerId: l.company.customer.id,
        leaseId: l.office.id,
        kind: 'autogiro',
        status: 'active',
        payerNumber: '1001',
        bankCode: '3300',
        bankAccount: '1212121212',
        holderId: '5566778899',
        holderName: 'Company AB',
        termsVersion: '1',
        acceptedAt: new Date(),
        acceptedBy: l.companyUser.id,
      })
      .returning();
    await t.app.db.update(invoices).set({ mandateId: mandate!.id }).where(eq(invoices.id, byMandate.id));
    await t.app.db.update(billingSettings).set({ reminderDays: 5 }).where(eq(billingSettings.landlordId, l.landlord.id));

    // Due 26 February + 5 days = 3 March: not yet on the 3rd, on the 4th.
    await sendDueReminders(t.deps, '2027-03-03', 500);
    expect(await noticeMails(l.landlord.id, 'notice_reminder')).toHaveLength(0);
    await sendDueReminders(t.deps, '2027-03-04', 500);
    await sendDueReminders(t.deps, '2027-03-05', 500);
    const reminders = await noticeMails(l.landlord.id, 'notice_reminder');
    expect(reminders.map((m) => m.to).sort()).toEqual([l.company.contacts[0]!.email, l.company.contacts[1]!.email].sort());
    expect(reminders[0]).toMatchObject({ number: notice.number, what: 'mars 2027', dueDate: '2027-02-26' });
    const rows = await t.app.db
      .select({ id: invoices.id, remindedAt: invoices.remindedAt })
      .from(invoices)
      .where(eq(invoices.landlordId, l.landlord.id));
    expect(rows.find((r) => r.id === notice.id)!.remindedAt).not.toBeNull();
    expect(rows.find((r) => r.id === byMandate.id)!.remindedAt).toBeNull();
  });

  it('no reminders where the landlord set no reminder days, nor for paid notices', async () => {
    const { l } = await billed({ dueDate: '2027-01-01' });
    const paid = await billed({ status: 'paid', dueDate: '2027-01-01' });
    await t.app.db.update(billingSettings).set({ reminderDays: 1 }).where(eq(billingSettings.landlordId, paid.l.landlord.id));
    await sendDueReminders(t.deps, '2027-06-01', 500);
    expect(await noticeMails(l.landlord.id, 'notice_reminder')).toHaveLength(0);
    expect(await noticeMails(paid.l.landlord.id, 'notice_reminder')).toHaveLength(0);
  });
});
