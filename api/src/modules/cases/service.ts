import {
  CASE_TRANSITIONS,
  type CaseDetail,
  type CaseEvent,
  type CaseListQuery,
  type CaseLocation,
  type CaseReplyBody,
  type CaseStatus,
  type CaseSummary,
  type NewCaseBody,
  OPEN_STATUSES,
  type StaffNewCaseBody,
  type WorkOrder,
} from '@portico/shared/contracts/cases';
import type { CursorPage } from '@portico/shared/pagination';
import { addDays } from 'date-fns';
import type { Actor, StaffActor, TenantActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, badRequest, forbidden, notFound } from '../../errors';
import { wantsEmail } from '../account/service';
import * as auth from '../auth/service';
import { requireCustomer } from '../customers/service';
import { emitEvent } from '../events/service';
import { claimAll, listAttachments, toAttachment } from '../files/service';
import { caseDeliveryStates, queueEmail } from '../outbox/service';
import * as properties from '../properties/service';
import { findLandlord } from '../settings/service';
import { links, lock, smsNumbers, viewerOf } from './common';
import { canDispatch } from './policy';
import * as repo from './repo';
import { routeAssignee } from './routing';

/** Days until a case is overdue, by type (information cases have no due date). */
const DUE_DAYS: Record<repo.CaseRow['type'], number | null> = { fault: 3, service: 10, inquiry: 5, information: null };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toSummary(row: repo.CaseSummaryRow): CaseSummary {
  const c = row.case;
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    type: c.type,
    status: c.status,
    customer: c.customerId && row.customerName ? { id: c.customerId, name: row.customerName } : null,
    lease: row.lease?.id
      ? { id: row.lease.id, number: row.lease.number!, unitType: row.lease.unitType!, address: row.lease.address! }
      : null,
    property: { id: c.propertyId, name: row.propertyName },
    street: c.street,
    object: c.objectId && row.objectNumber ? { id: c.objectId, number: row.objectNumber } : null,
    invoiceMarking: c.invoiceMarking,
    agreementNumber: c.agreementNumber,
    assignee: c.assigneeId && row.assigneeName ? { id: c.assigneeId, name: row.assigneeName } : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    dueAt: iso(c.dueAt),
    overdue: Boolean(c.dueAt && c.dueAt < new Date() && OPEN_STATUSES.includes(c.status)),
    workOrderCount: row.workOrderCount,
  };
}

const filtersOf = (q: Partial<CaseListQuery>): repo.CaseFilters => ({
  statuses:
    q.status ??
    (q.scope === 'current' ? [...OPEN_STATUSES] : q.scope === 'historical' ? (['resolved', 'closed'] as CaseStatus[]) : undefined),
  type: q.type,
  from: q.from,
  to: q.to,
  street: q.street,
  objectNumber: q.objectNumber,
  invoiceMarking: q.invoiceMarking,
  agreementNumber: q.agreementNumber,
  q: q.q,
  propertyId: q.propertyId,
  assigneeId: q.assigneeId,
  customerId: q.customerId,
  month: q.month,
  overdue: q.overdue,
});

export async function listCases(deps: Deps, actor: Actor, query: CaseListQuery): Promise<CursorPage<CaseSummary>> {
  const page = await repo.listCases(deps.db, viewerOf(actor), filtersOf(query), {
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
  });
  return { ...page, items: page.items.map(toSummary) };
}

/**
 * Issue 11: the newest cases linked to a lease that the actor may see (the same visibility as the
 * case list: a tenant sees its customer's cases and related cases sent to it), with their count.
 */
export async function listLeaseCases(deps: Deps, actor: Actor, leaseId: string, limit: number): Promise<CursorPage<CaseSummary>> {
  const page = await repo.listCases(deps.db, viewerOf(actor), { leaseId }, { sort: 'created_desc', limit });
  return { ...page, items: page.items.map(toSummary) };
}

async function requireCase(db: DbOrTx, actor: Actor, caseId: string) {
  const row = await repo.findCase(db, viewerOf(actor), caseId);
  if (!row) throw notFound('case');
  return row;
}

export async function getCase(deps: Deps, actor: Actor, caseId: string): Promise<CaseDetail> {
  const row = await requireCase(deps.db, actor, caseId);
  const c = row.case;
  const [events, orders, followers, property, recipients] = await Promise.all([
    repo.listEvents(deps.db, {
      landlordId: actor.landlordId,
      caseId: c.id,
      customerId: actor.kind === 'tenant' ? actor.customerId : undefined,
    }),
    repo.listWorkOrders(deps.db, actor.landlordId, c.id),
    // On a property-wide case a tenant counts only their own customer's followers.
    repo.followers(deps.db, {
      landlordId: actor.landlordId,
      caseId: c.id,
      customerId: actor.kind === 'tenant' && !c.customerId ? actor.customerId : undefined,
    }),
    properties.findProperty(deps.db, actor.landlordId, c.propertyId),
    // Who else a property-wide notice went to is the landlord's business only.
    c.type !== 'information' || actor.kind === 'tenant'
      ? Promise.resolve(null)
      : repo.listRecipients(deps.db, { landlordId: actor.landlordId, caseId: c.id }),
  ]);
  const [eventFiles, orderFiles] = await Promise.all([
    listAttachments(
      deps.db,
      actor.landlordId,
      'caseEventId',
      events.map((e) => e.id),
    ),
    listAttachments(
      deps.db,
      actor.landlordId,
      'workOrderId',
      orders.map((o) => o.id),
    ),
  ]);
  // The property's responsible manager, whoever works the case: an assigned technician is not the tenant's manager.
  const managerId = property?.managerId ?? null;
  const manager = managerId ? await repo.findStaffMember(deps.db, actor.landlordId, managerId) : undefined;
  const created = events.find((e) => e.kind === 'created');
  return {
    ...toSummary(row),
    description: c.description,
    location: {
      siteName: c.siteName ?? undefined,
      street: c.street ?? undefined,
      postalCode: c.postalCode ?? undefined,
      city: c.city ?? undefined,
      reporterName: c.reporterName ?? undefined,
      reporterPhone: c.reporterPhone ?? undefined,
      sitePhone1: c.sitePhone1 ?? undefined,
      sitePhone2: c.sitePhone2 ?? undefined,
      masterKeyAllowed: c.masterKeyAllowed,
      doorCode: c.doorCode ?? undefined,
      agreementNumber: c.agreementNumber ?? undefined,
      invoiceMarking: c.invoiceMarking ?? undefined,
    },
    reporter: { name: c.reporterDisplayName, kind: c.reporterKind },
    attachments: created ? eventFiles.filter((f) => f.caseEventId === created.id).map(toAttachment) : [],
    events: events.map(
      (e): CaseEvent => ({
        id: e.id,
        kind: e.kind,
        authorKind: e.authorKind,
        authorName: e.authorName,
        body: e.body,
        fromStatus: (e.fromStatus as CaseStatus | null) ?? null,
        toStatus: (e.toStatus as CaseStatus | null) ?? null,
        createdAt: e.createdAt.toISOString(),
        attachments: e.kind === 'created' ? [] : eventFiles.filter((f) => f.caseEventId === e.id).map(toAttachment),
        customerId: e.customerId,
      }),
    ),
    workOrders: orders.map((o) => toWorkOrder(o, orderFiles)),
    responsibleManager: manager ? { id: manager.id, name: manager.name, email: manager.email, phone: null } : null,
    following: actor.kind === 'tenant' && followers.some((f) => f.portalUserId === actor.id),
    followerCount: followers.length,
    // Information cases sent to one customer before recipients were recorded for them have none.
    recipients:
      recipients && (recipients.length > 0 || !c.customerId) ? await recipientStates(deps, actor.landlordId, c, recipients) : null,
  };
}

function toWorkOrder(
  o: Awaited<ReturnType<typeof repo.listWorkOrders>>[number],
  files: Awaited<ReturnType<typeof listAttachments>>,
): WorkOrder {
  const mine = files.filter((f) => f.workOrderId === o.id);
  const signature = mine.find((f) => f.id === o.signatureAttachmentId);
  return {
    id: o.id,
    description: o.description,
    performedAt: o.performedAt.toISOString(),
    performedBy: o.performedByName,
    minutes: o.minutes,
    materialCostMinor: o.materialCostMinor,
    currency: o.currency,
    attachments: mine.filter((f) => f.id !== o.signatureAttachmentId).map(toAttachment),
    signature:
      signature && o.signedBy && o.signedAt && o.signatureKind
        ? { signedBy: o.signedBy, signedAt: o.signedAt.toISOString(), attachment: toAttachment(signature), kind: o.signatureKind }
        : null,
  };
}

/**
 * Per recipient, how each channel went; `missing` names the channels the case asked for that the
 * customer has no usable address for (no contact e-mail; no mobile when SMS was asked), so staff
 * see who was not reached instead of a silent "none".
 */
async function recipientStates(
  deps: Deps,
  landlordId: string,
  c: repo.CaseRow,
  recipients: { customerId: string; customerName: string }[],
) {
  const [rows, addresses, landlord] = await Promise.all([
    caseDeliveryStates(deps.db, landlordId, c.id),
    repo.recipientAddresses(
      deps.db,
      landlordId,
      recipients.map((r) => r.customerId),
    ),
    findLandlord(deps.db, landlordId),
  ]);
  const country = landlord?.country ?? 'SE';
  const state = (customerId: string, channel: 'email' | 'sms') => {
    const r = rows.find((x) => x.customerId === customerId && x.channel === channel);
    return !r ? ('none' as const) : r.failed > 0 ? ('failed' as const) : r.pending > 0 ? ('queued' as const) : ('sent' as const);
  };
  const missing = (customerId: string, email: string, sms: string) => {
    const mine = addresses.filter((a) => a.customerId === customerId);
    const out: ('email' | 'sms')[] = [];
    if (email === 'none' && !mine.some((a) => a.email)) out.push('email');
    if (c.sendSms && sms === 'none' && smsNumbers(country, mine, mine[0]?.customerPhone ?? null).length === 0) out.push('sms');
    return out;
  };
  return recipients.map((r) => {
    const email = state(r.customerId, 'email');
    const sms = state(r.customerId, 'sms');
    return { ...r, email, sms, missing: missing(r.customerId, email, sms) };
  });
}

// --- creating --------------------------------------------------------------------------------

/** Prefills seed 003's location and contact fields from what the landlord knows. */
export async function prefill(deps: Deps, actor: TenantActor, leaseId: string | undefined): Promise<CaseLocation> {
  const customer = await requireCustomer(deps.db, actor.landlordId, actor.customerId);
  const place = leaseId ? await repo.leasePlace(deps.db, actor.landlordId, actor.customerId, leaseId) : undefined;
  if (leaseId && !place) throw notFound('lease');
  const user = await auth.findPortalUser(deps.db, { id: actor.id });
  return {
    siteName: customer.name,
    street: place?.address,
    postalCode: place?.postalCode,
    city: place?.city,
    reporterName: user?.name,
    reporterPhone: user?.phone ?? undefined,
    sitePhone1: customer.phone ?? undefined,
    masterKeyAllowed: false,
  };
}

export async function createCase(deps: Deps, actor: Actor, body: NewCaseBody | StaffNewCaseBody): Promise<CaseDetail> {
  if (actor.kind === 'staff' && !canDispatch(actor)) throw forbidden();
  const customerId = actor.kind === 'tenant' ? actor.customerId : (body as StaffNewCaseBody).customerId;
  const caseId = await deps.db.transaction(async (tx) => {
    const customer = await requireCustomer(tx, actor.landlordId, customerId);
    const place = await repo.leasePlace(tx, actor.landlordId, customer.id, body.leaseId);
    if (!place) throw notFound('lease');
    if (body.objectId) {
      const allowed = await repo.listObjects(tx, actor.landlordId, actor.kind === 'tenant' ? customer.id : undefined);
      if (!allowed.some((o) => o.id === body.objectId)) throw notFound('object');
    }
    let assigneeId = actor.kind === 'staff' ? ((body as StaffNewCaseBody).assigneeId ?? null) : null;
    if (assigneeId && !(await repo.findAssignableStaff(tx, actor.landlordId, assigneeId))) throw notFound('user');
    assigneeId ??= await routeAssignee(tx, actor.landlordId, body.type, place.propertyId);
    const now = new Date();
    const dueDays = DUE_DAYS[body.type];
    const row = await repo.insertCase(tx, {
      landlordId: actor.landlordId,
      number: await repo.nextCaseNumber(tx, actor.landlordId, now.getUTCFullYear()),
      customerId: customer.id,
      leaseId: place.leaseId,
      propertyId: place.propertyId,
      unitId: place.unitId,
      objectId: body.objectId ?? null,
      type: body.type,
      title: body.title,
      description: body.description,
      assigneeId,
      reporterKind: actor.kind,
      reporterId: actor.id,
      reporterDisplayName: actor.name,
      siteName: body.siteName ?? null,
      street: body.street ?? place.address,
      postalCode: body.postalCode ?? null,
      city: body.city ?? null,
      reporterName: body.reporterName ?? null,
      reporterPhone: body.reporterPhone ?? null,
      sitePhone1: body.sitePhone1 ?? null,
      sitePhone2: body.sitePhone2 ?? null,
      masterKeyAllowed: body.masterKeyAllowed,
      doorCode: body.doorCode ?? null,
      agreementNumber: body.agreementNumber ?? null,
      invoiceMarking: body.invoiceMarking ?? null,
      dueAt: dueDays === null ? null : addDays(now, dueDays),
    });
    const created = await repo.insertEvent(tx, {
      landlordId: actor.landlordId,
      caseId: row.id,
      kind: 'created',
      authorKind: actor.kind,
      authorId: actor.id,
      authorName: actor.name,
      body: null,
      toStatus: 'new',
    });
    await claimAll(tx, actor, body.attachmentIds, { caseEventId: created.id });
    await emitEvent(tx, actor.landlordId, 'case.created', {
      caseId: row.id,
      number: row.number,
      customerId: row.customerId,
      status: row.status,
      type: row.type,
      assigneeId: row.assigneeId,
    });

    const landlord = await findLandlord(tx, actor.landlordId);
    const base = { landlordName: landlord!.name, caseNumber: row.number, title: row.title };
    if (actor.kind === 'tenant') {
      // The reporter follows their case and gets the confirmation (seed 001).
      await repo.follow(tx, { landlordId: actor.landlordId, caseId: row.id, portalUserId: actor.id });
      const user = await auth.findPortalUser(tx, { id: actor.id });
      await queueEmail(tx, actor.landlordId, {
        template: 'case_confirmation',
        to: actor.email,
        locale: user?.locale ?? landlord!.defaultLocale,
        ...base,
        link: links(deps, row.id).tenant,
      });
    }
    if (assigneeId && assigneeId !== actor.id) await notifyAssignee(tx, deps, actor.landlordId, assigneeId, row, body.description);
    return row.id;
  });
  return getCase(deps, actor, caseId);
}

async function notifyAssignee(tx: DbOrTx, deps: Deps, landlordId: string, assigneeId: string, row: repo.CaseRow, body: string) {
  const [staff, landlord] = await Promise.all([repo.findAssignableStaff(tx, landlordId, assigneeId), findLandlord(tx, landlordId)]);
  if (!staff || !landlord) return;
  await queueEmail(tx, landlordId, {
    template: 'case_staff_update',
    to: staff.email,
    locale: staff.locale ?? landlord.defaultLocale,
    landlordName: landlord.name,
    caseNumber: row.number,
    title: row.title,
    body,
    link: links(deps, row.id).staff,
  });
}

/** Seed 001: each public entry and each status change is e-mailed to the reporter and the followers. */
async function notifyFollowers(
  tx: DbOrTx,
  deps: Deps,
  row: repo.CaseRow,
  change: { status?: CaseStatus; body?: string },
  exceptUserId?: string,
  audience: string | null = null,
) {
  const landlord = await findLandlord(tx, row.landlordId);
  if (!landlord) return;
  const ids = new Set((await repo.followers(tx, { landlordId: row.landlordId, caseId: row.id })).map((f) => f.portalUserId));
  if (row.reporterKind === 'tenant') ids.add(row.reporterId);
  if (exceptUserId) ids.delete(exceptUserId);
  for (const id of ids) {
    // An entry between the landlord and one recipient is e-mailed to that customer's people only.
    if (audience && !(await auth.listMemberships(tx, id)).some((m) => m.customerId === audience)) continue;
    const user = await auth.findPortalUser(tx, { id });
    if (!user || !wantsEmail(user.notificationPrefs, 'cases')) continue;
    await queueEmail(tx, row.landlordId, {
      template: 'case_update',
      to: user.email,
      locale: user.locale ?? landlord.defaultLocale,
      landlordName: landlord.name,
      caseNumber: row.number,
      title: row.title,
      ...change,
      link: links(deps, row.id).tenant,
    });
  }
}

// --- working a case ------------------------------------------------------------------------------

/**
 * Who a reply is between, on a property-wide related case: each recipient has its own dialog with
 * the landlord (a tenant's reply is theirs alone; staff answer one recipient by naming it), beside
 * the broadcast entries every recipient sees. Null = everyone who sees the case.
 */
async function replyAudience(tx: DbOrTx, actor: Actor, row: repo.CaseRow, body: CaseReplyBody): Promise<string | null> {
  if (actor.kind === 'tenant') {
    if (body.customerId) throw forbidden();
    return row.customerId ? null : actor.customerId;
  }
  if (!body.customerId) return null;
  if (body.internal || row.customerId) throw badRequest('validation_failed');
  if (!(await repo.isRecipient(tx, { landlordId: actor.landlordId, caseId: row.id, customerId: body.customerId })))
    throw notFound('customer');
  return body.customerId;
}

export async function reply(deps: Deps, actor: Actor, caseId: string, body: CaseReplyBody): Promise<CaseEvent> {
  if (actor.kind === 'tenant' && body.internal) throw forbidden();
  const eventId = await deps.db.transaction(async (tx) => {
    const row = await lock(tx, actor, caseId);
    const audience = await replyAudience(tx, actor, row, body);
    const event = await repo.insertEvent(tx, {
      landlordId: actor.landlordId,
      caseId: row.id,
      kind: body.internal ? 'internal_note' : 'public_reply',
      authorKind: actor.kind,
      authorId: actor.id,
      authorName: actor.name,
      body: body.body,
      customerId: audience,
    });
    await claimAll(tx, actor, body.attachmentIds, { caseEventId: event.id });
    await emitEvent(tx, actor.landlordId, 'case.reply_created', {
      caseId: row.id,
      replyId: event.id,
      author: actor.kind,
      internal: Boolean(body.internal),
    });
    if (actor.kind === 'staff') {
      if (!body.internal) {
        await repo.updateCase(tx, actor.landlordId, row.id, { firstResponseAt: row.firstResponseAt ?? new Date() });
        await notifyFollowers(tx, deps, row, { body: body.body }, undefined, audience);
      } else {
        await repo.updateCase(tx, actor.landlordId, row.id, {});
      }
    } else {
      // The tenant answered: a case waiting for them moves on by itself.
      const status = row.status === 'waiting_for_tenant' ? 'in_progress' : row.status;
      await repo.updateCase(tx, actor.landlordId, row.id, { status });
      if (status !== row.status) {
        await repo.insertEvent(tx, {
          landlordId: actor.landlordId,
          caseId: row.id,
          kind: 'status_changed',
          authorKind: 'system',
          authorName: 'Portico',
          fromStatus: row.status,
          toStatus: status,
        });
        await emitStatusChanged(tx, row, status);
      }
      if (row.assigneeId) await notifyAssignee(tx, deps, actor.landlordId, row.assigneeId, row, body.body);
      await notifyFollowers(tx, deps, row, { body: body.body }, actor.id, audience);
    }
    return event.id;
  });
  const event = (await getCase(deps, actor, caseId)).events.find((e) => e.id === eventId);
  if (!event) throw notFound('case');
  return event;
}

/** `case.updated` for a status change, whoever made it (staff, or the system reopening on a reply). */
const emitStatusChanged = (
  tx: DbOrTx,
  row: { landlordId: string; id: string; status: CaseStatus; assigneeId: string | null },
  status: CaseStatus,
) =>
  emitEvent(tx, row.landlordId, 'case.updated', {
    caseId: row.id,
    changes: ['status'],
    status,
    previousStatus: row.status,
    assigneeId: row.assigneeId,
  });

export async function changeStatus(
  deps: Deps,
  actor: StaffActor,
  caseId: string,
  status: CaseStatus,
  comment?: string,
): Promise<CaseDetail> {
  await deps.db.transaction(async (tx) => {
    const row = await lock(tx, actor, caseId);
    if (!CASE_TRANSITIONS[row.status].includes(status)) throw new AppError(409, 'invalid_transition', { from: row.status, to: status });
    const now = new Date();
    await repo.updateCase(tx, actor.landlordId, row.id, {
      status,
      // Any move by staff out of "new" answers the tenant (first response, seed 003 lead times).
      firstResponseAt: row.firstResponseAt ?? now,
      resolvedAt:
        status === 'resolved' ? now : status === 'closed' ? (row.resolvedAt ?? now) : status === 'in_progress' ? null : row.resolvedAt,
      closedAt: status === 'closed' ? now : status === 'in_progress' ? null : row.closedAt,
    });
    await repo.insertEvent(tx, {
      landlordId: actor.landlordId,
      caseId: row.id,
      kind: 'status_changed',
      authorKind: 'staff',
      authorId: actor.id,
      authorName: actor.name,
      body: comment ?? null,
      fromStatus: row.status,
      toStatus: status,
    });
    await emitStatusChanged(tx, row, status);
    await notifyFollowers(tx, deps, row, { status, ...(comment ? { body: comment } : {}) });
  });
  return getCase(deps, actor, caseId);
}

export async function assign(deps: Deps, actor: StaffActor, caseId: string, assigneeId: string | null): Promise<CaseDetail> {
  if (!canDispatch(actor)) throw forbidden();
  await deps.db.transaction(async (tx) => {
    const row = await lock(tx, actor, caseId);
    const staff = assigneeId ? await repo.findAssignableStaff(tx, actor.landlordId, assigneeId) : null;
    if (assigneeId && !staff) throw notFound('user');
    await repo.updateCase(tx, actor.landlordId, row.id, { assigneeId });
    await repo.insertEvent(tx, {
      landlordId: actor.landlordId,
      caseId: row.id,
      kind: 'assigned',
      authorKind: 'staff',
      authorId: actor.id,
      authorName: actor.name,
      body: staff?.name ?? null,
    });
    await emitEvent(tx, actor.landlordId, 'case.updated', { caseId: row.id, changes: ['assignee'], status: row.status, assigneeId });
    if (staff && staff.id !== actor.id) await notifyAssignee(tx, deps, actor.landlordId, staff.id, row, row.description);
  });
  return getCase(deps, actor, caseId);
}

export async function follow(deps: Deps, actor: TenantActor, caseId: string, on: boolean): Promise<CaseDetail> {
  await requireCase(deps.db, actor, caseId);
  const ref = { landlordId: actor.landlordId, caseId, portalUserId: actor.id };
  if (on) await repo.follow(deps.db, ref);
  else await repo.unfollow(deps.db, ref);
  return getCase(deps, actor, caseId);
}
