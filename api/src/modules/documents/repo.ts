import type { DocumentListQuery } from '@portico/shared/contracts/documents';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { documents } from '../../db/schema/content';
import { customers, portalMemberships } from '../../db/schema/customers';
import { leases } from '../../db/schema/leases';
import { attachments } from '../../db/schema/messaging';
import { portalUsers } from '../../db/schema/portal-users';
import { properties } from '../../db/schema/properties';
import { customerPropertyIds } from '../../db/tenant-properties';

export type DocumentRow = typeof documents.$inferSelect;

// Newest first; (created_at, id) is the tail of every documents index, so each filter reads in order.
const newest = keyset(
  [
    { expr: documents.createdAt, type: 'timestamptz' },
    { expr: documents.id, type: 'uuid' },
  ],
  'desc',
);

/** A document with what names its target and its file (the one attachment it claimed). */
const columns = {
  doc: documents,
  customerName: customers.name,
  leaseNumber: leases.number,
  leaseCustomerId: leases.customerId,
  propertyName: properties.name,
  file: {
    filename: attachments.filename,
    contentType: attachments.contentType,
    size: attachments.size,
    storageKey: attachments.storageKey,
  },
};

const joined = (db: DbOrTx, extra: Record<string, SQL> = {}) =>
  db
    .select({ ...columns, ...extra })
    .from(documents)
    .innerJoin(attachments, and(eq(attachments.landlordId, documents.landlordId), eq(attachments.documentId, documents.id)))
    .leftJoin(customers, and(eq(customers.landlordId, documents.landlordId), eq(customers.id, documents.customerId)))
    .leftJoin(leases, and(eq(leases.landlordId, documents.landlordId), eq(leases.id, documents.leaseId)))
    .leftJoin(properties, and(eq(properties.landlordId, documents.landlordId), eq(properties.id, documents.propertyId)));

export type DocumentWithTarget = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

/**
 * The console's list: newest first. A customer, lease or property filter reads its partial index
 * (documents_customer_idx…), no filter the landlord's (documents_landlord_created_idx); the
 * category is checked on the rows read.
 */
export async function listDocuments(db: DbOrTx, p: { landlordId: string } & DocumentListQuery) {
  const pos = newest.decode(p.cursor);
  const where = and(
    eq(documents.landlordId, p.landlordId),
    p.customerId ? eq(documents.customerId, p.customerId) : undefined,
    p.leaseId ? eq(documents.leaseId, p.leaseId) : undefined,
    p.propertyId ? eq(documents.propertyId, p.propertyId) : undefined,
    p.category ? eq(documents.category, p.category) : undefined,
  );
  return newestPage(db, where, pos, p.limit);
}

export async function findDocument(db: DbOrTx, landlordId: string, documentId: string) {
  const [row] = await joined(db).where(and(eq(documents.landlordId, landlordId), eq(documents.id, documentId)));
  return row;
}

export async function insertDocument(db: DbOrTx, values: typeof documents.$inferInsert) {
  const [row] = await db.insert(documents).values(values).returning();
  return row!;
}

export async function updateDocument(
  db: DbOrTx,
  landlordId: string,
  documentId: string,
  values: Partial<Pick<DocumentRow, 'title' | 'category'>>,
) {
  const [row] = await db
    .update(documents)
    .set(values)
    .where(and(eq(documents.landlordId, landlordId), eq(documents.id, documentId)))
    .returning({ id: documents.id });
  return row;
}

/**
 * Deletes a document after letting go of its file: the attachment is unclaimed again and the
 * stale-upload sweeper deletes it with its bytes (as a replaced lease PDF is).
 */
export async function deleteDocument(db: DbOrTx, landlordId: string, documentId: string) {
  await db
    .update(attachments)
    .set({ documentId: null })
    .where(and(eq(attachments.landlordId, landlordId), eq(attachments.documentId, documentId)));
  const [row] = await db
    .delete(documents)
    .where(and(eq(documents.landlordId, landlordId), eq(documents.id, documentId)))
    .returning({ id: documents.id });
  return row;
}

// --- Targets -------------------------------------------------------------------------------------

export async function findCustomerName(db: DbOrTx, landlordId: string, customerId: string) {
  const [row] = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.landlordId, landlordId), eq(customers.id, customerId)));
  return row;
}

export async function findLeaseCustomer(db: DbOrTx, landlordId: string, leaseId: string) {
  const [row] = await db
    .select({ id: leases.id, customerId: leases.customerId, number: leases.number })
    .from(leases)
    .where(and(eq(leases.landlordId, landlordId), eq(leases.id, leaseId)));
  return row;
}

export async function findPropertyName(db: DbOrTx, landlordId: string, propertyId: string) {
  const [row] = await db
    .select({ id: properties.id, name: properties.name })
    .from(properties)
    .where(and(eq(properties.landlordId, landlordId), eq(properties.id, propertyId)));
  return row;
}

/**
 * Who hears of a new customer or lease document: the customer's portal members who may see it
 * (main administrators and administrators), with their e-mail, language and preferences.
 */
export async function listDocumentReaders(db: DbOrTx, landlordId: string, customerId: string) {
  return db
    .select({ email: portalUsers.email, locale: portalUsers.locale, prefs: portalUsers.notificationPrefs })
    .from(portalMemberships)
    .innerJoin(portalUsers, eq(portalUsers.id, portalMemberships.portalUserId))
    .where(
      and(
        eq(portalMemberships.landlordId, landlordId),
        eq(portalMemberships.customerId, customerId),
        inArray(portalMemberships.role, ['main_admin', 'admin']),
      ),
    );
}

// --- The portal ----------------------------------------------------------------------------------

/** Whose documents a portal request reads, and whether the person's role opens customer and lease documents. */
export type DocumentViewer = { landlordId: string; customerId: string; seesCustomerDocuments: boolean };

/**
 * What a tenant sees: the customer's own documents and those of its leases (not archived) when the
 * role allows, and the documents of the properties it rents in (customerPropertyIds) for every role.
 * Each branch is one of the partial indexes; Postgres ORs their bitmaps. The id sets are written
 * `= any(array(subquery))` (an init plan, so an index condition): `in (subquery)` inside an OR becomes
 * a hashed-subplan filter on a scan of every document of the landlord (docs/content-plans.md).
 */
function visibleTo(v: DocumentViewer): SQL {
  return and(
    eq(documents.landlordId, v.landlordId),
    or(
      v.seesCustomerDocuments ? eq(documents.customerId, v.customerId) : undefined,
      v.seesCustomerDocuments
        ? sql`${documents.leaseId} = any(array(select l.id from leases l where l.landlord_id = ${v.landlordId} and l.customer_id = ${v.customerId} and l.archived_at is null))`
        : undefined,
      sql`${documents.propertyId} = any(array${customerPropertyIds(v.landlordId, [v.customerId])})`,
    ),
  )!;
}

/** The portal list's page query (exported for the plan test). */
export const portalDocumentsQuery = (
  db: DbOrTx,
  v: DocumentViewer,
  p: { cursor?: string | undefined; limit: number; category?: DocumentRow['category'] | undefined },
) => {
  const pos = newest.decode(p.cursor);
  return joined(db, newest.select)
    .where(and(visibleTo(v), p.category ? eq(documents.category, p.category) : undefined, newest.where(pos)))
    .orderBy(...newest.orderBy(pos))
    .limit(p.limit + 1);
};

export async function listPortalDocuments(
  db: DbOrTx,
  v: DocumentViewer,
  p: { cursor?: string | undefined; limit: number; category?: DocumentRow['category'] | undefined },
) {
  const pos = newest.decode(p.cursor);
  const where = and(visibleTo(v), p.category ? eq(documents.category, p.category) : undefined);
  return newestPage(db, where, pos, p.limit);
}

export async function findPortalDocument(db: DbOrTx, v: DocumentViewer, documentId: string) {
  const [row] = await joined(db).where(and(visibleTo(v), eq(documents.id, documentId)));
  return row;
}

/** One page of documents newest first under `where`, with the capped count of all of them. */
async function newestPage(db: DbOrTx, where: SQL | undefined, pos: ReturnType<typeof newest.decode>, limit: number) {
  const [rows, count] = await Promise.all([
    joined(db, newest.select)
      .where(and(where, newest.where(pos)))
      .orderBy(...newest.orderBy(pos))
      .limit(limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(documents)
        .where(where)
        .orderBy(...newest.orderBy()),
    ),
  ]);
  return { ...newest.page(rows, limit, pos), ...count };
}
