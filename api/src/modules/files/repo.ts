import { and, asc, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { caseEvents, cases, workOrders } from '../../db/schema/cases';
import { attachments, messages, threads } from '../../db/schema/messaging';

export type Uploader = { kind: 'staff' | 'tenant'; id: string };
/** What an upload can belong to: one message, one case event (reply or note) or one work order. */
export type AttachTarget = { messageId: string } | { caseEventId: string } | { workOrderId: string };

const unclaimed = and(isNull(attachments.messageId), isNull(attachments.caseEventId), isNull(attachments.workOrderId));

export async function insertAttachment(
  db: DbOrTx,
  values: {
    id: string;
    landlordId: string;
    uploaderKind: 'staff' | 'tenant';
    uploaderId: string;
    filename: string;
    contentType: string;
    size: number;
    storageKey: string;
  },
) {
  const [row] = await db.insert(attachments).values(values).returning();
  return row!;
}

/** Binds the uploader's own unclaimed uploads to a target; returns how many it bound. */
export async function claimAttachments(db: DbOrTx, landlordId: string, uploader: Uploader, ids: string[], target: AttachTarget) {
  if (!ids.length) return 0;
  const rows = await db
    .update(attachments)
    .set(target)
    .where(
      and(
        eq(attachments.landlordId, landlordId),
        eq(attachments.uploaderKind, uploader.kind),
        eq(attachments.uploaderId, uploader.id),
        unclaimed,
        inArray(attachments.id, ids),
      ),
    )
    .returning({ id: attachments.id });
  return rows.length;
}

/** The attachments of some messages, case events or work orders. */
export async function listAttachments(db: DbOrTx, landlordId: string, by: 'messageId' | 'caseEventId' | 'workOrderId', ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.landlordId, landlordId), inArray(attachments[by], ids)))
    .orderBy(asc(attachments.createdAt));
}

export async function findAttachmentById(db: DbOrTx, landlordId: string, id: string) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.landlordId, landlordId), eq(attachments.id, id)));
  return row;
}

/**
 * An attachment a tenant may open: on a message or a public case entry or work order of one of
 * `customerIds` (all of the person's customers — a download link carries no customer header),
 * or their own pending upload. Internal notes' files never qualify.
 */
export async function findTenantAttachment(db: DbOrTx, customerIds: string[], uploader: Uploader, attachmentId: string) {
  if (!customerIds.length) return undefined;
  const [row] = await db
    .select({ attachment: attachments })
    .from(attachments)
    .leftJoin(messages, eq(messages.id, attachments.messageId))
    .leftJoin(threads, eq(threads.id, messages.threadId))
    .leftJoin(caseEvents, eq(caseEvents.id, attachments.caseEventId))
    .leftJoin(workOrders, eq(workOrders.id, attachments.workOrderId))
    .leftJoin(cases, or(eq(cases.id, caseEvents.caseId), eq(cases.id, workOrders.caseId)))
    .where(
      and(
        eq(attachments.id, attachmentId),
        or(
          and(isNotNull(attachments.messageId), inArray(threads.customerId, customerIds)),
          and(isNotNull(attachments.caseEventId), ne(caseEvents.kind, 'internal_note'), inArray(cases.customerId, customerIds)),
          and(isNotNull(attachments.workOrderId), inArray(cases.customerId, customerIds)),
          and(unclaimed, eq(attachments.uploaderKind, uploader.kind), eq(attachments.uploaderId, uploader.id)),
        ),
      ),
    );
  return row?.attachment;
}

/** A signature file referenced by a work order (claimed by the work order itself). */
export async function claimForWorkOrder(db: DbOrTx, landlordId: string, uploader: Uploader, id: string, workOrderId: string) {
  return (await claimAttachments(db, landlordId, uploader, [id], { workOrderId })) === 1;
}

/** Uploads nobody attached within the grace period; the sweeper deletes them and their files. */
export async function deleteStaleUploads(db: DbOrTx, olderThan: Date) {
  return db
    .delete(attachments)
    .where(and(unclaimed, sql`${attachments.createdAt} < ${olderThan.toISOString()}`))
    .returning({ storageKey: attachments.storageKey });
}
