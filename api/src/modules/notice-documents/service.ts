import type { InvoiceDetail } from '@portico/shared/contracts/billing-core';
import type { StoredAttachment } from '@portico/shared/jobs';
import type { Locale } from '@portico/shared/locale';
import type { StaffActor, TenantActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../errors';
import { loggerFor } from '../../log';
import { wantsEmail } from '../account/service';
import { assertMayReadBilling } from '../billing/policy';
import { billingToday } from '../billing/today';
import { listContacts } from '../customers/service';
import { loadInvoiceDetail, loadInvoiceRows, presentInvoice } from '../invoices/present';
import { assertMaySeeInvoices } from '../invoices/service';
import { queueEmail } from '../outbox/service';
import { formatMoney, formatPeriodRange } from './format';
import { type NoticeDocument, renderNoticePdf } from './pdf';
import { type NoticeQr, noticeQr, qrSvg } from './qr';
import * as repo from './repo';

type LandlordRow = NonNullable<Awaited<ReturnType<typeof repo.findLandlordForDocuments>>>;

async function readAll(stream: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** The landlord's logo for the PDF: PNG or JPEG only (pdfkit draws no WebP); none when unreadable. */
async function logoOf(deps: Pick<Deps, 'storage'>, landlord: LandlordRow) {
  if (!landlord.logoKey || (landlord.logoType !== 'image/png' && landlord.logoType !== 'image/jpeg')) return null;
  try {
    return await readAll(deps.storage.read(landlord.logoKey));
  } catch {
    return null;
  }
}

const qrLandlord = (l: LandlordRow) => ({ name: l.name, country: l.country, orgNumber: l.orgNumber });

/** The storage key of a notice's PDF: the notice's own id (unique, one file per notice, rewritten in place). */
export const pdfKeyOf = (invoiceId: string) => invoiceId;

/**
 * Renders and stores the PDFs of these notices of one landlord, then records each key (only where
 * none is set: a second worker's render of the same notice writes the same file and changes nothing).
 * Returns how many were stored; a notice that fails is logged and stays pending.
 */
export async function renderDocuments(
  deps: Pick<Deps, 'storage' | 'config'>,
  db: DbOrTx,
  landlordId: string,
  ids: string[],
  today = billingToday(),
) {
  const landlord = await repo.findLandlordForDocuments(db, landlordId);
  if (!landlord) return 0;
  const logo = await logoOf(deps, landlord);
  const rows = await loadInvoiceRows(db, landlordId, ids);
  // Render one after another (CPU), then store the files side by side and record every key in one
  // statement: per-notice round trips were most of a batch's time (bench/billing).
  const rendered: { id: string; bytes: Buffer }[] = [];
  for (const row of rows) {
    try {
      const notice = presentInvoice(row.invoice, {
        lease: row.lease,
        customer: { id: row.customer.id, name: row.customer.name },
        accounts: landlord.paymentAccounts,
        mandate: row.mandateKind && row.mandateStatus === 'active' ? { kind: row.mandateKind } : null,
        lines: row.lines,
        payments: row.payments,
        creditsInvoice: row.creditsInvoice,
        today,
      });
      const doc: NoticeDocument = {
        locale: row.customer.locale ?? landlord.defaultLocale,
        landlord: {
          name: landlord.name,
          brandName: landlord.brandName,
          brandColour: landlord.brandColour,
          orgNumber: landlord.orgNumber,
          logo,
          supportEmail: landlord.supportEmail,
          supportPhone: landlord.supportPhone,
        },
        customer: row.customer,
        notice,
        qr: noticeQr(notice, qrLandlord(landlord)),
      };
      rendered.push({ id: row.invoice.id, bytes: await renderNoticePdf(doc) });
    } catch (err) {
      loggerFor(deps.config).error({ err, landlordId, invoiceId: row.invoice.id }, 'notice pdf not rendered');
    }
  }
  const stored = await Promise.all(
    rendered.map(async ({ id, bytes }) => {
      try {
        await deps.storage.put(pdfKeyOf(id), bytes);
        return id;
      } catch (err) {
        loggerFor(deps.config).error({ err, landlordId, invoiceId: id }, 'notice pdf not stored');
        return null;
      }
    }),
  );
  const done = stored.filter((id): id is string => id !== null);
  await repo.setPdfKeys(
    db,
    landlordId,
    done.map((id) => ({ id, key: pdfKeyOf(id) })),
  );
  return done.length;
}

/**
 * The worker's pass: PDFs for notices that have none (state in Postgres, so a crash loses nothing:
 * the next pass finds the same rows; a file written before a crash is rewritten under the same key).
 * The batch is claimed with SKIP LOCKED in one transaction, so several worker processes share the
 * work. Returns how many it rendered.
 */
export async function renderPendingPdfs(deps: Deps, limit = 50) {
  return deps.db.transaction(async (tx) => {
    const pending = await repo.claimPendingPdfs(tx, limit);
    const byLandlord = new Map<string, string[]>();
    for (const p of pending) byLandlord.set(p.landlordId, [...(byLandlord.get(p.landlordId) ?? []), p.id]);
    let rendered = 0;
    for (const [landlordId, ids] of byLandlord) rendered += await renderDocuments(deps, tx, landlordId, ids);
    return rendered;
  });
}

/** The PDF as a stream, rendered now when the worker has not got to it yet (then stored like the worker's). */
async function openPdf(deps: Deps, landlordId: string, invoiceId: string, row: { pdfKey: string | null; number: string }) {
  if (!row.pdfKey) {
    if ((await renderDocuments(deps, deps.db, landlordId, [invoiceId])) === 0) throw notFound('invoice');
    return { number: row.number, stream: deps.storage.read(pdfKeyOf(invoiceId)) };
  }
  return { number: row.number, stream: deps.storage.read(row.pdfKey) };
}

export async function staffNoticePdf(deps: Deps, actor: StaffActor, invoiceId: string) {
  assertMayReadBilling(actor);
  const row = await repo.findPdfKey(deps.db, actor.landlordId, invoiceId);
  if (!row) throw notFound('invoice');
  return openPdf(deps, actor.landlordId, invoiceId, row);
}

export async function portalNoticePdf(deps: Deps, actor: TenantActor, strongAuth: boolean, invoiceId: string) {
  assertMaySeeInvoices(actor, strongAuth);
  const row = await repo.findPdfKey(deps.db, actor.landlordId, invoiceId);
  if (!row || row.customerId !== actor.customerId) throw notFound('invoice');
  return openPdf(deps, actor.landlordId, invoiceId, row);
}

/** The QR code as it stands now (what is still open); 404 `notice_nothing_to_pay` when there is none. */
async function qrOf(db: DbOrTx, landlordId: string, detail: InvoiceDetail) {
  const landlord = await repo.findLandlordForDocuments(db, landlordId);
  const qr = landlord ? noticeQr(detail, qrLandlord(landlord)) : null;
  if (!qr) throw new AppError(404, 'notice_nothing_to_pay');
  return qr;
}

export async function staffNoticeQr(deps: Deps, actor: StaffActor, invoiceId: string): Promise<string> {
  assertMayReadBilling(actor);
  const detail = await loadInvoiceDetail(deps.db, actor.landlordId, invoiceId);
  if (!detail) throw notFound('invoice');
  return qrSvg(await qrOf(deps.db, actor.landlordId, detail));
}

/** A notice of the tenant's own customer, or 404 (another customer's or landlord's notice does not exist for them). */
export async function portalNoticeDetail(deps: Deps, actor: TenantActor, strongAuth: boolean, invoiceId: string) {
  assertMaySeeInvoices(actor, strongAuth);
  const detail = await loadInvoiceDetail(deps.db, actor.landlordId, invoiceId);
  if (!detail || detail.customer.id !== actor.customerId) throw notFound('invoice');
  return detail;
}

export async function portalNoticeQr(deps: Deps, actor: TenantActor, strongAuth: boolean, invoiceId: string): Promise<string> {
  const detail = await portalNoticeDetail(deps, actor, strongAuth, invoiceId);
  return qrSvg(await qrOf(deps.db, actor.landlordId, detail));
}

export type { NoticeQr };

// --- e-mail on issue and overdue reminders ---------------------------------------------------------

const payToOf = (detail: InvoiceDetail) => {
  const p = detail.payment;
  if (!p) return null;
  const account = p.method === 'fik' ? p.line : p.method === 'iban' ? p.iban : p.account;
  return { account, reference: p.reference };
};

/** Contacts of the customer with an e-mail who have not turned "invoices" e-mails off, with their language. */
async function recipients(tx: DbOrTx, landlordId: string, customerId: string, fallback: Locale) {
  const contacts = await listContacts(tx, landlordId, customerId);
  return contacts.flatMap((c) => {
    if (!c.email) return [];
    if (c.portalUserId && !wantsEmail(c.portalUserPrefs, 'invoices')) return [];
    return [{ email: c.email, locale: (c.portalUserLocale ?? c.locale ?? fallback) as Locale }];
  });
}

/**
 * The worker's pass: each notice whose PDF exists and that has not been e-mailed gets its e-mail
 * to the customer's contacts, queued in the outbox in the transaction that sets `emailed_at` (a
 * crash before the commit sends nothing and leaves the notice pending; after it, the relay sends).
 */
export async function emailPendingNotices(deps: Deps, limit = 50) {
  const pending = await repo.pendingEmails(deps.db, limit);
  let done = 0;
  for (const p of pending) {
    await deps.db.transaction(async (tx) => {
      if (!(await repo.claimEmail(tx, p.landlordId, p.id))) return;
      const landlord = await repo.findLandlordForDocuments(tx, p.landlordId);
      const detail = await loadInvoiceDetail(tx, p.landlordId, p.id);
      if (!landlord || !detail) return;
      const settings = await repo.findBillingSettings(tx, p.landlordId);
      const attach = (settings?.attachPdf ?? true) && detail.pdfReady;
      const attachments: StoredAttachment[] = attach
        ? [{ storageKey: pdfKeyOf(p.id), filename: `${detail.number.replace(/[^\w.-]/g, '_')}.pdf`, contentType: 'application/pdf' }]
        : [];
      for (const r of await recipients(tx, p.landlordId, detail.customer.id, landlord.defaultLocale)) {
        await queueEmail(tx, p.landlordId, {
          template: 'notice_issued',
          to: r.email,
          locale: r.locale,
          landlordName: landlord.brandName ?? landlord.name,
          number: detail.number,
          period: detail.period ? formatPeriodRange(detail.period.start, detail.period.end, r.locale) : null,
          amount: formatMoney(detail.openMinor, detail.currency, r.locale),
          dueDate: detail.dueDate,
          payTo: payToOf(detail),
          directDebit: detail.directDebit !== null,
          link: `${deps.config.tenantWebUrl}/invoices/${detail.id}`,
          ...(attachments.length ? { attachments } : {}),
        });
      }
      await repo.markEmailed(tx, p.landlordId, p.id);
      done++;
    });
  }
  return { checked: pending.length, emailed: done };
}

/**
 * The worker's pass: open notices past due + the landlord's reminder days (billing_settings;
 * null = no reminders), not yet reminded, not paid by a mandate, get one reminder e-mail; the
 * notice is marked in the same transaction, so it is reminded once.
 */
export async function sendDueReminders(deps: Deps, today = billingToday(), limit = 50) {
  const due = await repo.dueReminders(deps.db, today, limit);
  let done = 0;
  for (const d of due) {
    await deps.db.transaction(async (tx) => {
      if (!(await repo.claimReminder(tx, d.landlordId, d.id))) return;
      const landlord = await repo.findLandlordForDocuments(tx, d.landlordId);
      const detail = await loadInvoiceDetail(tx, d.landlordId, d.id, today);
      if (!landlord || !detail) return;
      for (const r of await recipients(tx, d.landlordId, detail.customer.id, landlord.defaultLocale)) {
        await queueEmail(tx, d.landlordId, {
          template: 'notice_reminder',
          to: r.email,
          locale: r.locale,
          landlordName: landlord.brandName ?? landlord.name,
          number: detail.number,
          what: detail.period ? formatPeriodRange(detail.period.start, detail.period.end, r.locale) : detail.number,
          amount: formatMoney(detail.openMinor, detail.currency, r.locale),
          dueDate: detail.dueDate,
          payTo: payToOf(detail),
          link: `${deps.config.tenantWebUrl}/invoices/${detail.id}`,
        });
      }
      await repo.markReminded(tx, d.landlordId, d.id);
      done++;
    });
  }
  return { checked: due.length, reminded: done };
}
