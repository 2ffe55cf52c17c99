import { and, asc, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { caseEvents, caseRecipients, cases, workOrders } from '../../db/schema/cases';
import { attachments, messages, threads } from '../../db/schema/messaging';

export type Uploader = { kind: 'staff' | 'tenant'; id: string };
/** What an upload can belong to: one message, one case event (reply or note), one work order, one property (an image) or one lease (its signed PDF). */
export type AttachTarget =
  | { messageId: string }
  | { caseEventId: string }
  | { workOrderId: string }
  | { propertyId: string }
  | { leaseId: string }
  | { postId: string }
  | { documentId: string };

const unclaimed = and(
  isNull(attachments.messageId),
  isNull(attachments.caseEventId),
  isNull(attachments.workOrderId),
  isNull(attachments.propertyId),
  isNull(attachments.leaseId),
  isNull(attachments.postId),
  isNull(attachments.documentId),
);

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

/** The attachments of some messages, case events, work orders properties or leases. */
export async function listAttachments(
  db: DbOrTx,
  landlordId: string,
  by: 'messageId' | 'caseEventId' | 'workOrderId' | 'propertyId' | 'leaseId' | 'postId',
  ids: string[],
) {
  if (!ids.length) return [];
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.landlordId, landlordId), inArray(attachments[by], ids)))
    .orderBy(asc(attachments.createdAt));
}

/** Who opens a file as staff: the roles' reach over messages and cases, decided in files/policy.ts. */
export type StaffFileScope = {
  landlordId: string;
  uploader: Uploader;
  /** May read the message inbox (and so its files). */
  messages: boolean;
  /** May read cases (and so their entries' and work orders' files); false only for an API key without a cases scope. */
  cases?: boolean | undefined;
  /** Set for a technician: only files of cases assigned to this staff member. */
  assigneeId?: string | undefined;
  /** May read properties (and so their images). */
  propertyImages: boolean;
  /** May read leases (and so their signed PDFs). */
  leases?: boolean | undefined;
};

/**
 * An attachment a staff member may open: a message's file if they may read messages; a case
 * entry's (internal notes included) or a work order's if they may see that case; or their own
 * pending upload. Someone else's pending upload belongs to nothing yet, so nobody else opens it.
 */
export async function findStaffAttachment(db: DbOrTx, p: StaffFileScope & { attachmentId: string }) {
  const [row] = await db
    .select({ attachment: attachments })
    .from(attachments)
    .leftJoin(caseEvents, and(eq(caseEvents.landlordId, attachments.landlordId), eq(caseEvents.id, attachments.caseEventId)))
    .leftJoin(workOrders, and(eq(workOrders.landlordId, attachments.landlordId), eq(workOrders.id, attachments.workOrderId)))
    .leftJoin(
      cases,
      and(eq(cases.landlordId, attachments.landlordId), or(eq(cases.id, caseEvents.caseId), eq(cases.id, workOrders.caseId))),
    )
    .where(
      and(
        eq(attachments.landlordId, p.landlordId),
        eq(attachments.id, p.attachmentId),
        or(
          p.messages ? isNotNull(attachments.messageId) : undefined,
          p.propertyImages ? isNotNull(attachments.propertyId) : undefined,
          p.leases ? isNotNull(attachments.leaseId) : undefined,
          p.cases === false ? undefined : and(isNotNull(cases.id), p.assigneeId ? eq(cases.assigneeId, p.assigneeId) : undefined),
          and(unclaimed, eq(attachments.uploaderKind, p.uploader.kind), eq(attachments.uploaderId, p.uploader.id)),
        ),
      ),
    );
  return row?.attachment;
}

/**
 * An attachment a tenant may open: on a message, or a public case entry or work order of a case one
 * of `customerIds` sees (all of the person's customers — a download link carries no customer
 * header), or their own pending upload. Internal notes' files never qualify; on a property-wide
 * related case an entry meant for one recipient (`case_events.customer_id`) only for that customer.
 */
export async function findTenantAttachment(db: DbOrTx, p: { customerIds: string[]; uploader: Uploader; attachmentId: string }) {
  const { customerIds, uploader } = p;
  if (!customerIds.length) return undefined;
  const caseSeen = or(
    inArray(cases.customerId, customerIds),
    sql`exists (select 1 from ${caseRecipients} where ${caseRecipients.landlordId} = ${cases.landlordId} and ${caseRecipients.caseId} = ${cases.id} and ${inArray(caseRecipients.customerId, customerIds)})`,
  );
  const [row] = await db
    .select({ attachment: attachments })
    .from(attachments)
    .leftJoin(messages, and(eq(messages.landlordId, attachments.landlordId), eq(messages.id, attachments.messageId)))
    .leftJoin(threads, and(eq(threads.landlordId, messages.landlordId), eq(threads.id, messages.threadId)))
    .leftJoin(caseEvents, and(eq(caseEvents.landlordId, attachments.landlordId), eq(caseEvents.id, attachments.caseEventId)))
    .leftJoin(workOrders, and(eq(workOrders.landlordId, attachments.landlordId), eq(workOrders.id, attachments.workOrderId)))
    .leftJoin(
      cases,
      and(eq(cases.landlordId, attachments.landlordId), or(eq(cases.id, caseEvents.caseId), eq(cases.id, workOrders.caseId))),
    )
    .where(
      and(
        eq(attachments.id, p.attachmentId),
        or(
          and(isNotNull(attachments.messageId), inArray(threads.customerId, customerIds)),
          and(
            isNotNull(attachments.caseEventId),
            ne(caseEvents.kind, 'internal_note'),
            or(isNull(caseEvents.customerId), inArray(caseEvents.customerId, customerIds)),
            caseSeen,
          ),
          and(isNotNull(attachments.workOrderId), caseSeen),
          and(unclaimed, eq(attachments.uploaderKind, uploader.kind), eq(attachments.uploaderId, uploader.id)),
        ),
      ),
    );
  return row?.attachment;
}

/**
 * Lets go of a lease's documents other than `keepId` (replaced or removed): unclaimed again, the
 * stale-upload sweeper deletes them with their files.
 */
export async function releaseLeaseDocuments(db: DbOrTx, landlordId: string, leaseId: string, keepId: string | null) {
  await db
    .update(attachments)
    .set({ leaseId: null })
    .where(and(eq(attachments.landlordId, landlordId), eq(attachments.leaseId, leaseId), keepId ? ne(attachments.id, keepId) : undefined));
}

/** POSTS: lets go of a post's image (other than `keepId`): unclaimed again, the stale-upload sweeper deletes it with its file. */
export async function releasePostImages(db: DbOrTx, landlordId: string, postId: string, keepId: string | null) {
  await db
    .update(attachments)
    .set({ postId: null })
    .where(and(eq(attachments.landlordId, landlordId), eq(attachments.postId, postId), keepId ? ne(attachments.id, keepId) : undefined));
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

/** The uploader's own upload not yet attached to anything. */
export async function findPendingUpload(db: DbOrTx, landlordId: string, uploader: Uploader, id: string) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.landlordId, landlordId),
        eq(attachments.id, id),
        eq(attachments.uploaderKind, uploader.kind),
        eq(attachments.uploaderId, uploader.id),
        unclaimed,
      ),
    );
  return row;
}

/** Deletes one property image; returns its storage key, or undefined when it is no image of that property. */
export async function deletePropertyImage(db: DbOrTx, landlordId: string, propertyId: string, id: string) {
  const [row] = await db
    .delete(attachments)
    .where(and(eq(attachments.landlordId, landlordId), eq(attachments.propertyId, propertyId), eq(attachments.id, id)))
    .returning({ storageKey: attachments.storageKey, filename: attachments.filename });
  return row;
}
