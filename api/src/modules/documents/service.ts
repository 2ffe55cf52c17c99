import type {
  Document,
  DocumentCreate,
  DocumentListQuery,
  DocumentPage,
  DocumentPatch,
  PortalDocument,
  PortalDocumentListQuery,
  PortalDocumentPage,
} from '@portico/shared/contracts/documents';
import type { Locale } from '@portico/shared/locale';
import type { StaffActor, TenantActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { forbidden, notFound } from '../../errors';
import { wantsEmail } from '../account/service';
import { listMemberships } from '../auth/service';
import { claimAll } from '../files/service';
import { queueEmail } from '../outbox/service';
import { findLandlord } from '../settings/service';
import { canManageDocuments, seesCustomerDocuments } from './policy';
import * as repo from './repo';

/**
 * Documents (issue 12 §5, seed 004): staff file them for one customer, one lease or a whole
 * property; tenants download what their customer and role may see and never upload.
 */

type Row = repo.DocumentWithTarget;

function toDocument(r: Row): Document {
  const d = r.doc;
  return {
    id: d.id,
    scope: d.scope,
    category: d.category,
    title: d.title,
    customer: d.customerId ? { id: d.customerId, name: r.customerName ?? '' } : null,
    lease: d.leaseId ? { id: d.leaseId, number: r.leaseNumber ?? '', customerId: r.leaseCustomerId ?? '' } : null,
    property: d.propertyId ? { id: d.propertyId, name: r.propertyName ?? '' } : null,
    file: { filename: r.file.filename, contentType: r.file.contentType, size: r.file.size },
    createdAt: d.createdAt.toISOString(),
  };
}

function toPortalDocument(r: Row): PortalDocument {
  const d = r.doc;
  return {
    id: d.id,
    scope: d.scope,
    category: d.category,
    title: d.title,
    about: d.scope === 'lease' ? r.leaseNumber : d.scope === 'property' ? r.propertyName : null,
    file: { filename: r.file.filename, contentType: r.file.contentType, size: r.file.size },
    createdAt: d.createdAt.toISOString(),
  };
}

const requireStaff = (actor: StaffActor) => {
  if (!canManageDocuments(actor)) throw forbidden();
};

async function requireDocument(db: DbOrTx, landlordId: string, documentId: string) {
  const row = await repo.findDocument(db, landlordId, documentId);
  if (!row) throw notFound('document');
  return row;
}

export async function listDocuments(deps: Deps, actor: StaffActor, query: DocumentListQuery): Promise<DocumentPage> {
  requireStaff(actor);
  const page = await repo.listDocuments(deps.db, { landlordId: actor.landlordId, ...query });
  return { ...page, items: page.items.map(toDocument) };
}

export async function getDocument(deps: Deps, actor: StaffActor, documentId: string): Promise<Document> {
  requireStaff(actor);
  return toDocument(await requireDocument(deps.db, actor.landlordId, documentId));
}

/** The target's row of the landlord (404 otherwise) and the customer to tell, if any. */
async function resolveTarget(tx: DbOrTx, landlordId: string, input: DocumentCreate) {
  switch (input.scope) {
    case 'customer': {
      const c = await repo.findCustomerName(tx, landlordId, input.targetId);
      if (!c) throw notFound('customer');
      return { values: { customerId: c.id }, notify: c.id };
    }
    case 'lease': {
      const l = await repo.findLeaseCustomer(tx, landlordId, input.targetId);
      if (!l) throw notFound('lease');
      return { values: { leaseId: l.id }, notify: l.customerId };
    }
    case 'property': {
      const p = await repo.findPropertyName(tx, landlordId, input.targetId);
      if (!p) throw notFound('property');
      return { values: { propertyId: p.id }, notify: null };
    }
  }
}

/**
 * Files a document: the actor's own pending upload (any type `POST /uploads` accepts) is claimed by
 * it. A customer's or a lease's document is e-mailed, in the same transaction (outbox), to that
 * customer's portal members who may open it (main administrators, administrators) and have not
 * turned off e-mails about messages from the landlord (decision 12D2).
 */
export async function createDocument(deps: Deps, actor: StaffActor, input: DocumentCreate): Promise<Document> {
  requireStaff(actor);
  const id = await deps.db.transaction(async (tx) => {
    const target = await resolveTarget(tx, actor.landlordId, input);
    const doc = await repo.insertDocument(tx, {
      landlordId: actor.landlordId,
      scope: input.scope,
      ...target.values,
      category: input.category,
      title: input.title,
      createdBy: actor.id,
    });
    await claimAll(tx, actor, [input.attachmentId], { documentId: doc.id });
    if (target.notify) await notifyReaders(deps, tx, actor.landlordId, target.notify, input.title);
    return doc.id;
  });
  return toDocument(await requireDocument(deps.db, actor.landlordId, id));
}

async function notifyReaders(deps: Deps, tx: DbOrTx, landlordId: string, customerId: string, title: string) {
  const landlord = await findLandlord(tx, landlordId);
  if (!landlord) return;
  for (const r of await repo.listDocumentReaders(tx, landlordId, customerId)) {
    if (!wantsEmail(r.prefs, 'messages')) continue;
    await queueEmail(tx, landlordId, {
      template: 'document_added',
      to: r.email,
      locale: (r.locale ?? landlord.defaultLocale) as Locale,
      landlordName: landlord.brandName ?? landlord.name,
      title,
      link: `${deps.config.tenantWebUrl}/documents`,
    });
  }
}

export async function updateDocument(deps: Deps, actor: StaffActor, documentId: string, patch: DocumentPatch): Promise<Document> {
  requireStaff(actor);
  const values = {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.category !== undefined ? { category: patch.category } : {}),
  };
  if (!(await repo.updateDocument(deps.db, actor.landlordId, documentId, values))) throw notFound('document');
  return toDocument(await requireDocument(deps.db, actor.landlordId, documentId));
}

/** Deletes the document; its file is released (the stale-upload sweeper removes it). */
export async function deleteDocument(deps: Deps, actor: StaffActor, documentId: string): Promise<void> {
  requireStaff(actor);
  const removed = await deps.db.transaction((tx) => repo.deleteDocument(tx, actor.landlordId, documentId));
  if (!removed) throw notFound('document');
}

export async function openDocumentFile(deps: Deps, actor: StaffActor, documentId: string) {
  requireStaff(actor);
  const row = await requireDocument(deps.db, actor.landlordId, documentId);
  return { file: row.file, stream: deps.storage.read(row.file.storageKey) };
}

// --- The portal ----------------------------------------------------------------------------------

const viewerOf = (actor: { landlordId: string; customerId: string; role: TenantActor['role'] }): repo.DocumentViewer => ({
  landlordId: actor.landlordId,
  customerId: actor.customerId,
  seesCustomerDocuments: seesCustomerDocuments(actor.role),
});

export async function listPortalDocuments(deps: Deps, actor: TenantActor, query: PortalDocumentListQuery): Promise<PortalDocumentPage> {
  const page = await repo.listPortalDocuments(deps.db, viewerOf(actor), query);
  return { ...page, items: page.items.map(toPortalDocument) };
}

/**
 * A document's file for a tenant. A download link carries no customer header, so the document is
 * looked for among every customer the person belongs to, with their role in each.
 */
export async function openPortalDocumentFile(deps: Deps, actor: TenantActor, documentId: string) {
  for (const m of await listMemberships(deps.db, actor.id)) {
    const row = await repo.findPortalDocument(
      deps.db,
      viewerOf({ landlordId: m.landlord.id, customerId: m.customerId, role: m.role }),
      documentId,
    );
    if (row) return { file: row.file, stream: deps.storage.read(row.file.storageKey) };
  }
  throw notFound('document');
}
