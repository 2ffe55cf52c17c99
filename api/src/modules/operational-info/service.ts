import {
  type NoticeChannels,
  type NoticeCreate,
  type NoticeDeliveryPage,
  type NoticeDeliveryQuery,
  type NoticeDetail,
  type NoticeListQuery,
  type NoticePage,
  type NoticePatch,
  type NoticeResolve,
  type NoticeSummary,
  noticeState,
} from '@portico/shared/contracts/operational-info';
import { mobileToE164 } from '@portico/shared/formats/phone';
import type { Notification } from '@portico/shared/jobs';
import type { StaffActor } from '../../actors';
import { markdownToText, renderMarkdown } from '../../content/markdown';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { wantsEmail, wantsSms } from '../account/service';
import { noticeDeliveryCounts, queueNoticeNotifications } from '../outbox/service';
import { findLandlord } from '../settings/service';
import { formatWhen } from './common';
import { canManageNotices } from './policy';
import * as repo from './repo';

/** Operational notices in the console and for integrators (issue 12 §1, area `content`). */

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const STATE = { pending: 'queued', sent: 'sent', failed: 'failed' } as const;
const STATUS = { queued: 'pending', sent: 'sent', failed: 'failed' } as const;

function require(actor: StaffActor) {
  if (!canManageNotices(actor)) throw forbidden();
}

async function summariesOf(db: DbOrTx, landlordId: string, rows: repo.NoticeRow[], now = new Date()): Promise<NoticeSummary[]> {
  const props = await repo.listNoticeProperties(db, { landlordId, noticeIds: rows.map((r) => r.id) });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: noticeState(r, now),
    urgent: r.urgent,
    title: r.title,
    startsAt: r.startsAt.toISOString(),
    endsAt: iso(r.endsAt),
    resolvedAt: iso(r.resolvedAt),
    allProperties: r.allProperties,
    properties: props.filter((p) => p.noticeId === r.id).map((p) => ({ id: p.id, name: p.name })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function listNotices(deps: Deps, actor: StaffActor, query: NoticeListQuery): Promise<NoticePage> {
  require(actor);
  const now = new Date();
  const page = await repo.listNotices(deps.db, { landlordId: actor.landlordId, ...query, now });
  return { ...page, items: await summariesOf(deps.db, actor.landlordId, page.items, now) };
}

export async function getNotice(deps: Deps, actor: StaffActor, noticeId: string): Promise<NoticeDetail> {
  require(actor);
  const landlordId = actor.landlordId;
  const row = await repo.findNotice(deps.db, { landlordId, id: noticeId });
  if (!row) throw notFound('operational_notice');
  const [[summary], history, counts] = await Promise.all([
    summariesOf(deps.db, landlordId, [row]),
    repo.listNoticeUpdates(deps.db, { landlordId, noticeId }),
    noticeDeliveryCounts(deps.db, landlordId, noticeId),
  ]);
  const deliveries = { email: { queued: 0, sent: 0, failed: 0 }, sms: { queued: 0, sent: 0, failed: 0 } };
  for (const c of counts) deliveries[c.channel][STATE[c.status]] += c.n;
  return {
    ...summary!,
    body: row.body,
    bodyHtml: row.bodyHtml,
    history: history.map((h) => ({ id: h.id, kind: h.kind, bodyHtml: h.bodyHtml, createdAt: h.createdAt.toISOString() })),
    deliveries,
  };
}

/** A target naming a property that is not the landlord's is "not found", never a foreign-key 500. */
async function checkTarget(tx: DbOrTx, landlordId: string, target: { allProperties: boolean; propertyIds: string[] }) {
  const ids = target.allProperties ? [] : [...new Set(target.propertyIds)];
  if ((await repo.countOwnProperties(tx, { landlordId, ids })) !== ids.length) throw notFound('property');
  return ids;
}

export async function createNotice(deps: Deps, actor: StaffActor, input: NoticeCreate): Promise<NoticeDetail> {
  require(actor);
  const landlordId = actor.landlordId;
  const id = await deps.db.transaction(async (tx) => {
    const propertyIds = await checkTarget(tx, landlordId, input.target);
    const row = await repo.insertNotice(tx, {
      landlordId,
      values: {
        kind: input.kind,
        title: input.title,
        body: input.body,
        bodyHtml: renderMarkdown(input.body),
        urgent: input.urgent,
        allProperties: input.target.allProperties,
        startsAt: new Date(input.startsAt),
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        createdBy: actor.id,
      },
    });
    await repo.replaceNoticeProperties(tx, { landlordId, noticeId: row.id, propertyIds });
    await repo.insertNoticeUpdate(tx, { landlordId, noticeId: row.id, kind: 'published', body: '', bodyHtml: '', createdBy: actor.id });
    if (row.urgent) await fanOut(deps, tx, row, input.channels, null);
    return row.id;
  });
  return getNotice(deps, actor, id);
}

export async function updateNotice(deps: Deps, actor: StaffActor, noticeId: string, patch: NoticePatch): Promise<NoticeDetail> {
  require(actor);
  const landlordId = actor.landlordId;
  await deps.db.transaction(async (tx) => {
    const before = await repo.findNotice(tx, { landlordId, id: noticeId, forUpdate: true });
    if (!before) throw notFound('operational_notice');
    if (before.resolvedAt) throw conflict('notice_already_resolved');
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : before.startsAt;
    const endsAt = patch.endsAt === undefined ? before.endsAt : patch.endsAt === null ? null : new Date(patch.endsAt);
    // The contract checks the order when both come; against the stored one it is checked here.
    if (endsAt && endsAt.getTime() <= startsAt.getTime()) throw badRequest('validation_failed');
    const row = await repo.updateNotice(tx, {
      landlordId,
      id: noticeId,
      values: {
        ...(patch.kind ? { kind: patch.kind } : {}),
        ...(patch.title ? { title: patch.title } : {}),
        ...(patch.body ? { body: patch.body, bodyHtml: renderMarkdown(patch.body) } : {}),
        ...(patch.target ? { allProperties: patch.target.allProperties } : {}),
        startsAt,
        endsAt,
      },
    });
    if (patch.target) {
      const propertyIds = await checkTarget(tx, landlordId, patch.target);
      await repo.replaceNoticeProperties(tx, { landlordId, noticeId, propertyIds });
    }
    const text = patch.comment ?? '';
    await repo.insertNoticeUpdate(tx, {
      landlordId,
      noticeId,
      kind: 'updated',
      body: text,
      bodyHtml: text ? renderMarkdown(text) : '',
      createdBy: actor.id,
    });
    if (row.urgent && patch.notify && (patch.notify.email || patch.notify.sms)) await fanOut(deps, tx, row, patch.notify, text || null);
  });
  return getNotice(deps, actor, noticeId);
}

export async function resolveNotice(deps: Deps, actor: StaffActor, noticeId: string, input: NoticeResolve): Promise<NoticeDetail> {
  require(actor);
  const landlordId = actor.landlordId;
  await deps.db.transaction(async (tx) => {
    const before = await repo.findNotice(tx, { landlordId, id: noticeId, forUpdate: true });
    if (!before) throw notFound('operational_notice');
    if (noticeState(before) === 'resolved') throw conflict('notice_already_resolved');
    await repo.updateNotice(tx, { landlordId, id: noticeId, values: { resolvedAt: new Date() } });
    const text = input.comment ?? '';
    await repo.insertNoticeUpdate(tx, {
      landlordId,
      noticeId,
      kind: 'resolved',
      body: text,
      bodyHtml: text ? renderMarkdown(text) : '',
      createdBy: actor.id,
    });
  });
  return getNotice(deps, actor, noticeId);
}

export async function listDeliveries(
  deps: Deps,
  actor: StaffActor,
  noticeId: string,
  query: NoticeDeliveryQuery,
): Promise<NoticeDeliveryPage> {
  require(actor);
  const landlordId = actor.landlordId;
  if (!(await repo.findNotice(deps.db, { landlordId, id: noticeId }))) throw notFound('operational_notice');
  const page = await repo.listNoticeDeliveries(deps.db, {
    landlordId,
    noticeId,
    status: query.state ? STATUS[query.state] : undefined,
    cursor: query.cursor,
    limit: query.limit,
  });
  return {
    ...page,
    items: page.items.map((d) => ({
      id: d.id,
      customerId: d.customerId,
      customerName: d.customerName,
      recipientName: d.recipientName ?? '',
      to: d.to ?? '',
      channel: d.channel,
      state: STATE[d.status],
      attempts: d.attempts,
      lastError: d.lastError,
      createdAt: d.createdAt.toISOString(),
      sentAt: iso(d.sentAt),
    })),
  };
}

/**
 * The urgent fan-out, inside the publishing transaction: one outbox row per channel per affected
 * person (deduplicated: a person in two affected customers hears once), honouring each person's
 * "operational info" preference; SMS only to a mobile number. One read of the recipients and one
 * insert per 1,000 rows, never a statement per tenant.
 */
async function fanOut(deps: Deps, tx: DbOrTx, notice: repo.NoticeRow, channels: NoticeChannels, comment: string | null) {
  const landlord = await findLandlord(tx, notice.landlordId);
  if (!landlord) throw notFound('landlord');
  const recipients = await repo.noticeRecipients(tx, {
    landlordId: notice.landlordId,
    noticeId: notice.id,
    allProperties: notice.allProperties,
  });
  const text = markdownToText(notice.body);
  const body = comment ? `${markdownToText(comment)}\n\n${text}` : text;
  const link = `${deps.config.tenantWebUrl}/operational-info/${notice.id}`;
  const rows: Parameters<typeof queueNoticeNotifications>[3] = [];
  for (const r of recipients) {
    const locale = r.locale ?? landlord.defaultLocale;
    const base = {
      template: 'operational_notice',
      locale,
      landlordName: landlord.name,
      name: r.name,
      kind: notice.kind,
      update: comment !== null,
      title: notice.title,
      body,
      when: formatWhen(notice.startsAt, locale, landlord.country),
      link,
    } as const;
    if (channels.email && wantsEmail(r.prefs, 'notices')) {
      rows.push({ channel: 'email', customerId: r.customerId, notification: { ...base, to: r.email } satisfies Notification });
    }
    const mobile = mobileToE164(r.phone, landlord.country);
    if (channels.sms && mobile && wantsSms(r.prefs, 'notices')) {
      rows.push({ channel: 'sms', customerId: r.customerId, notification: { ...base, to: mobile } satisfies Notification });
    }
  }
  await queueNoticeNotifications(tx, notice.landlordId, notice.id, rows);
}
