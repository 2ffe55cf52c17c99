import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { billingSettings, invoices } from '../../db/schema/invoices';
import { landlords } from '../../db/schema/landlords';

/**
 * Notices without a PDF yet, oldest first (invoices_pdf_pending_idx), across landlords: the worker's
 * queue. Locked for the caller's transaction and skipped by other workers' passes, so two worker
 * processes render different notices.
 */
export function claimPendingPdfs(tx: DbOrTx, limit: number) {
  return tx
    .select({ id: invoices.id, landlordId: invoices.landlordId })
    .from(invoices)
    .where(isNull(invoices.pdfKey))
    .orderBy(asc(invoices.createdAt), asc(invoices.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function findLandlordForDocuments(db: DbOrTx, landlordId: string) {
  const [row] = await db.select().from(landlords).where(eq(landlords.id, landlordId));
  return row ?? null;
}

/** The landlord's billing settings row, or null before billing has been set up (RUN creates it). */
export async function findBillingSettings(db: DbOrTx, landlordId: string) {
  const [row] = await db.select().from(billingSettings).where(eq(billingSettings.landlordId, landlordId));
  return row ?? null;
}

/** Records rendered PDFs once each; a second render of the same notice (another worker) changes nothing. */
export async function setPdfKeys(db: DbOrTx, landlordId: string, files: { id: string; key: string }[]) {
  if (files.length === 0) return;
  await db.execute(sql`
    update ${invoices} set pdf_key = f.key
    from unnest(${sql.param(files.map((f) => f.id))}::uuid[], ${sql.param(files.map((f) => f.key))}::text[]) as f(id, key)
    where ${invoices.landlordId} = ${landlordId} and ${invoices.id} = f.id and ${invoices.pdfKey} is null`);
}

export async function findPdfKey(db: DbOrTx, landlordId: string, invoiceId: string) {
  const [row] = await db
    .select({ pdfKey: invoices.pdfKey, customerId: invoices.customerId, number: invoices.number })
    .from(invoices)
    .where(and(eq(invoices.landlordId, landlordId), eq(invoices.id, invoiceId)));
  return row ?? null;
}

/** Notices whose PDF exists and whose e-mail has not gone out (invoices_email_pending_idx). */
export function pendingEmails(db: DbOrTx, limit: number) {
  return db
    .select({ id: invoices.id, landlordId: invoices.landlordId })
    .from(invoices)
    .where(and(isNull(invoices.emailedAt), sql`${invoices.pdfKey} is not null`))
    .orderBy(asc(invoices.createdAt), asc(invoices.id))
    .limit(limit);
}

/** Takes one notice's e-mail turn: locks the row while it is still unmailed (another worker skips it). */
export async function claimEmail(tx: DbOrTx, landlordId: string, invoiceId: string) {
  const [row] = await tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.landlordId, landlordId), eq(invoices.id, invoiceId), isNull(invoices.emailedAt)))
    .for('update', { skipLocked: true });
  return Boolean(row);
}

export async function markEmailed(tx: DbOrTx, landlordId: string, invoiceId: string) {
  await tx
    .update(invoices)
    .set({ emailedAt: new Date() })
    .where(and(eq(invoices.landlordId, landlordId), eq(invoices.id, invoiceId)));
}

/**
 * Open notices past due + the landlord's reminder days, not yet reminded and not paid by a mandate
 * (invoices_reminder_pending_idx; the join keeps landlords without reminders out).
 */
export function dueReminders(db: DbOrTx, today: string, limit: number) {
  return db
    .select({ id: invoices.id, landlordId: invoices.landlordId })
    .from(invoices)
    .innerJoin(billingSettings, eq(billingSettings.landlordId, invoices.landlordId))
    .where(
      and(
        inArray(invoices.status, ['unpaid', 'partly_paid']),
        isNull(invoices.remindedAt),
        isNull(invoices.mandateId),
        sql`${billingSettings.reminderDays} is not null`,
        lt(sql`${invoices.dueDate} + ${billingSettings.reminderDays}`, sql`${today}::date`),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(limit);
}

/** Takes one notice's reminder turn: still open, unreminded and without a mandate, locked. */
export async function claimReminder(tx: DbOrTx, landlordId: string, invoiceId: string) {
  const [row] = await tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.landlordId, landlordId),
        eq(invoices.id, invoiceId),
        isNull(invoices.remindedAt),
        isNull(invoices.mandateId),
        inArray(invoices.status, ['unpaid', 'partly_paid']),
      ),
    )
    .for('update', { skipLocked: true });
  return Boolean(row);
}

export async function markReminded(tx: DbOrTx, landlordId: string, invoiceId: string) {
  await tx
    .update(invoices)
    .set({ remindedAt: new Date() })
    .where(and(eq(invoices.landlordId, landlordId), eq(invoices.id, invoiceId)));
}
