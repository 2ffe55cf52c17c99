import type {
  Message,
  PortalNewThreadBody,
  ReplyBody,
  StaffNewThreadBody,
  ThreadDetail,
  ThreadListQuery,
  ThreadSummary,
  UnreadCount,
} from '@portico/shared/contracts/messaging';
import { UNREAD_CAP } from '@portico/shared/contracts/messaging';
import type { CursorPage } from '@portico/shared/pagination';
import type { Actor, StaffActor, TenantActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { forbidden, notFound } from '../../errors';
import { wantsEmail } from '../account/service';
import { createInvitation, listContacts, requireCustomer, requireLease } from '../customers/service';
import { emitEvent } from '../events/service';
import { claimAll, listAttachments, toAttachment } from '../files/service';
import { deliveryStates, queueEmail } from '../outbox/service';
import { findLandlord } from '../settings/service';
import { canUseMessaging } from './policy';
import * as repo from './repo';

const reader = (actor: Actor): repo.Reader => ({ kind: actor.kind, id: actor.id });
/** Tenants only ever see their current customer's threads; staff see their landlord's. */
const scopeOf = (actor: Actor, customerId?: string, leaseId?: string) =>
  actor.kind === 'tenant'
    ? { landlordId: actor.landlordId, customerId: actor.customerId, leaseId }
    : { landlordId: actor.landlordId, customerId, leaseId };

function assertMayMessage(actor: Actor) {
  if (!canUseMessaging(actor)) throw forbidden();
}

function toSummary(row: repo.ThreadRow): ThreadSummary {
  return {
    id: row.id,
    subject: row.subject,
    customer: { id: row.customerId, name: row.customerName },
    lease: { id: row.leaseId, number: row.leaseNumber, unitType: row.unitType, address: row.address },
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastMessagePreview: row.lastMessagePreview,
    lastAuthorKind: row.lastAuthorKind,
    messageCount: row.messageCount,
    unread: row.unread,
  };
}

export async function listThreads(deps: Deps, actor: Actor, query: ThreadListQuery): Promise<CursorPage<ThreadSummary>> {
  assertMayMessage(actor);
  const page = await repo.listThreads(deps.db, scopeOf(actor, query.customerId, query.leaseId), reader(actor), query.box, query);
  return { ...page, items: page.items.map(toSummary) };
}

/** Shown on every page: counted up to UNREAD_CAP ("99+"), answered from counters for staff (decision 8M2). */
export async function unreadCount(deps: Deps, actor: Actor): Promise<UnreadCount> {
  assertMayMessage(actor);
  const n =
    actor.kind === 'staff'
      ? await repo.countStaffUnread(deps.db, { landlordId: actor.landlordId, staffUserId: actor.id })
      : await repo.countTenantUnread(deps.db, { landlordId: actor.landlordId, customerId: actor.customerId }, actor.id, UNREAD_CAP + 1);
  return { inbox: Math.min(n, UNREAD_CAP), capped: n > UNREAD_CAP };
}

/** The explicit "I have seen this thread" (a GET never marks read, so a prefetch cannot). */
export async function markThreadRead(deps: Deps, actor: Actor, threadId: string): Promise<void> {
  assertMayMessage(actor);
  const found = await deps.db.transaction((tx) => repo.markRead(tx, scopeOf(actor), threadId, reader(actor)));
  if (!found) throw notFound('thread');
}

async function messagesOf(db: DbOrTx, actor: Actor, threadId: string): Promise<Message[]> {
  const rows = await repo.listMessages(db, actor.landlordId, threadId);
  const ids = rows.map((m) => m.id);
  const [files, states] = await Promise.all([
    listAttachments(db, actor.landlordId, 'messageId', ids),
    // Delivery is the landlord's operational concern; tenants are not shown it.
    actor.kind === 'staff' ? deliveryStates(db, actor.landlordId, ids) : new Map(),
  ]);
  return rows.map((m) => ({
    id: m.id,
    authorKind: m.authorKind,
    authorName: m.authorName,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    attachments: files.filter((f) => f.messageId === m.id).map(toAttachment),
    delivery: states.get(m.id) ?? null,
  }));
}

/** Reading a thread changes nothing: the client marks it read with `markThreadRead`. */
export async function getThread(deps: Deps, actor: Actor, threadId: string): Promise<ThreadDetail> {
  assertMayMessage(actor);
  const row = await repo.findThread(deps.db, scopeOf(actor), reader(actor), threadId);
  if (!row) throw notFound('thread');
  const [messages, contacts] = await Promise.all([
    messagesOf(deps.db, actor, threadId),
    listContacts(deps.db, actor.landlordId, row.customerId),
  ]);
  return {
    ...toSummary(row),
    messages,
    customerHasPortalUser: contacts.some((c) => c.portalUserId),
  };
}

async function writeMessage(
  tx: DbOrTx,
  deps: Deps,
  actor: Actor,
  thread: { id: string; customerId: string; subject: string },
  input: ReplyBody,
) {
  const message = await repo.insertMessage(tx, {
    landlordId: actor.landlordId,
    threadId: thread.id,
    authorKind: actor.kind,
    authorId: actor.id,
    authorName: actor.name,
    body: input.body,
  });
  await claimAll(tx, actor, input.attachmentIds, { messageId: message.id });
  await emitEvent(tx, actor.landlordId, 'message.created', {
    messageId: message.id,
    threadId: thread.id,
    customerId: thread.customerId,
    author: actor.kind,
  });
  if (actor.kind === 'staff') await notifyTenants(tx, deps, actor, thread, message);
  else await notifyStaff(tx, deps, actor, thread, message);
  return message;
}

/**
 * Seed 000: each contact person gets the message text by e-mail. A registered one gets a link to
 * the thread; with the portal on, one who is not registered gets a fresh personal invitation
 * in the same e-mail and can answer once registered.
 */
async function notifyTenants(
  tx: DbOrTx,
  deps: Deps,
  actor: StaffActor,
  thread: { id: string; customerId: string; subject: string },
  message: { id: string; body: string },
) {
  const landlord = await findLandlord(tx, actor.landlordId);
  if (!landlord) throw notFound('landlord');
  const contacts = await listContacts(tx, actor.landlordId, thread.customerId);
  for (const contact of contacts) {
    if (!contact.email) continue;
    // A registered person may have turned message e-mails off in Settings; the portal still shows the message.
    if (contact.portalUserId && !wantsEmail(contact.portalUserPrefs, 'messages')) continue;
    const common = {
      template: 'tenant_new_staff_message' as const,
      to: contact.email,
      locale: contact.portalUserLocale ?? landlord.defaultLocale,
      landlordName: landlord.name,
      subject: thread.subject,
      body: message.body,
    };
    if (!landlord.portalEnabled) {
      await queueEmail(tx, landlord.id, common, message.id);
    } else if (contact.portalUserId) {
      await queueEmail(tx, landlord.id, { ...common, link: `${deps.config.tenantWebUrl}/messages/${thread.id}` }, message.id);
    } else {
      const invitation = await createInvitation(
        tx,
        deps,
        landlord.id,
        thread.customerId,
        { contactId: contact.id, email: contact.email },
        thread.id,
      );
      await queueEmail(tx, landlord.id, { ...common, link: invitation.link, invitationLink: invitation.link }, message.id);
    }
  }
}

async function notifyStaff(
  tx: DbOrTx,
  deps: Deps,
  actor: TenantActor,
  thread: { id: string; customerId: string; subject: string },
  message: { id: string; body: string },
) {
  const landlord = await findLandlord(tx, actor.landlordId);
  if (!landlord) throw notFound('landlord');
  const customer = await requireCustomer(tx, actor.landlordId, thread.customerId);
  for (const staff of await repo.staffRecipients(tx, actor.landlordId, thread.id)) {
    await queueEmail(
      tx,
      landlord.id,
      {
        template: 'staff_new_tenant_message',
        to: staff.email,
        locale: staff.locale ?? landlord.defaultLocale,
        landlordName: landlord.name,
        customerName: customer.name,
        subject: thread.subject,
        body: message.body,
        link: `${deps.config.adminWebUrl}/messages/${thread.id}`,
      },
      message.id,
    );
  }
}

export async function createThread(deps: Deps, actor: Actor, input: StaffNewThreadBody | PortalNewThreadBody): Promise<ThreadDetail> {
  assertMayMessage(actor);
  const customerId = actor.kind === 'tenant' ? actor.customerId : (input as StaffNewThreadBody).customerId;
  const threadId = await deps.db.transaction(async (tx) => {
    await requireCustomer(tx, actor.landlordId, customerId);
    await requireLease(tx, actor.landlordId, customerId, input.leaseId);
    const thread = await repo.insertThread(tx, {
      landlordId: actor.landlordId,
      customerId,
      leaseId: input.leaseId,
      subject: input.subject,
      lastAuthorKind: actor.kind,
    });
    await writeMessage(tx, deps, actor, thread, input);
    // Writing in a thread means having read it.
    await repo.markRead(tx, scopeOf(actor), thread.id, reader(actor));
    return thread.id;
  });
  return getThread(deps, actor, threadId);
}

export async function reply(deps: Deps, actor: Actor, threadId: string, input: ReplyBody): Promise<Message> {
  assertMayMessage(actor);
  const messageId = await deps.db.transaction(async (tx) => {
    const thread = await repo.lockThread(tx, scopeOf(actor), threadId);
    if (!thread) throw notFound('thread');
    const message = await writeMessage(tx, deps, actor, thread, input);
    // Writing in a thread means having read it.
    await repo.markRead(tx, scopeOf(actor), thread.id, reader(actor));
    return message.id;
  });
  const message = (await messagesOf(deps.db, actor, threadId)).find((m) => m.id === messageId);
  if (!message) throw notFound('message');
  return message;
}
