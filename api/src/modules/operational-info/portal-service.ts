import type { PortalNotice, PortalNoticeList, PortalNoticeQuery } from '@portico/shared/contracts/content';
import { noticeState, type PortalNoticeDetail } from '@portico/shared/contracts/operational-info';
import { createEvent } from 'ics';
import type { TenantActor } from '../../actors';
import { markdownToText } from '../../content/markdown';
import type { DbOrTx } from '../../db/client';
import { customerPropertyIds } from '../../db/tenant-properties';
import type { Deps } from '../../deps';
import { notFound } from '../../errors';
import { findLandlord } from '../settings/service';
import * as repo from './repo';

/**
 * Operational notices in the portal (issue 12 §1): every role of the acting customer sees the
 * notices for the properties it is in (customerPropertyIds) and the landlord-wide ones; anything
 * else does not exist for them.
 */

/** Current and planned notices shown at most: a building has a handful at a time. */
const PORTAL_NOTICES_SHOWN = 100;

async function portalNoticesOf(db: DbOrTx, actor: TenantActor, rows: repo.NoticeRow[], now = new Date()): Promise<PortalNotice[]> {
  const { landlordId } = actor;
  const mine = customerPropertyIds(landlordId, [actor.customerId]);
  const listed = await repo.listNoticeProperties(db, { landlordId, noticeIds: rows.map((r) => r.id), onlyIn: mine });
  // A landlord-wide notice concerns every property the customer is in.
  const own = rows.some((r) => r.allProperties) ? await repo.customerProperties(db, { landlordId, customerId: actor.customerId }) : [];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: noticeState(r, now),
    urgent: r.urgent,
    title: r.title,
    bodyHtml: r.bodyHtml,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    properties: r.allProperties ? own : listed.filter((p) => p.noticeId === r.id).map((p) => ({ id: p.id, name: p.name })),
  }));
}

export async function listPortalNotices(deps: Deps, actor: TenantActor, query: PortalNoticeQuery): Promise<PortalNoticeList> {
  const scope = { landlordId: actor.landlordId, customerId: actor.customerId };
  if (query.propertyId && !(await repo.customerIsInProperty(deps.db, { ...scope, propertyId: query.propertyId })))
    throw notFound('property');
  if (query.leaseId && !(await repo.customerHasLease(deps.db, { ...scope, leaseId: query.leaseId }))) throw notFound('lease');
  const now = new Date();
  const rows = await repo.listPortalNotices(deps.db, {
    ...scope,
    propertyId: query.propertyId,
    leaseId: query.leaseId,
    now,
    limit: PORTAL_NOTICES_SHOWN,
  });
  const notices = await portalNoticesOf(deps.db, actor, rows, now);
  // Current ones the latest-started first; planned ones soonest first.
  return {
    current: notices.filter((x) => x.state === 'current').reverse(),
    planned: notices.filter((x) => x.state === 'planned'),
  };
}

async function requirePortalNotice(deps: Deps, actor: TenantActor, noticeId: string) {
  const row = await repo.findPortalNotice(deps.db, { landlordId: actor.landlordId, customerId: actor.customerId, id: noticeId });
  if (!row) throw notFound('operational_notice');
  return row;
}

export async function getPortalNotice(deps: Deps, actor: TenantActor, noticeId: string): Promise<PortalNoticeDetail> {
  const row = await requirePortalNotice(deps, actor, noticeId);
  const [[notice], history] = await Promise.all([
    portalNoticesOf(deps.db, actor, [row]),
    repo.listNoticeUpdates(deps.db, { landlordId: actor.landlordId, noticeId }),
  ]);
  return {
    ...notice!,
    history: history.map((h) => ({ id: h.id, kind: h.kind, bodyHtml: h.bodyHtml, createdAt: h.createdAt.toISOString() })),
  };
}

/** Open-ended planned work goes into a calendar as one hour from its start. */
const OPEN_ENDED_HOURS = 1;

/** Planned work as an iCalendar file (RFC 5545, written by the `ics` package), times in UTC. */
export async function noticeCalendar(deps: Deps, actor: TenantActor, noticeId: string): Promise<{ filename: string; ics: string }> {
  const row = await requirePortalNotice(deps, actor, noticeId);
  // Only planned work belongs in a calendar; a disruption has no calendar file.
  if (row.kind !== 'planned_work') throw notFound('operational_notice');
  const landlord = await findLandlord(deps.db, actor.landlordId);
  const { error, value } = createEvent({
    uid: `${row.id}@portico`,
    productId: 'portico/operational-info',
    title: row.title,
    description: markdownToText(row.body),
    url: `${deps.config.tenantWebUrl}/operational-info/${row.id}`,
    organizer: landlord ? { name: landlord.name } : undefined,
    start: row.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    ...(row.endsAt
      ? { end: row.endsAt.getTime(), endInputType: 'utc' as const, endOutputType: 'utc' as const }
      : { duration: { hours: OPEN_ENDED_HOURS } }),
    status: noticeState(row) === 'resolved' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'FREE',
    lastModified: row.updatedAt.getTime(),
  });
  if (error || !value) throw error ?? new Error('ics: no calendar written');
  return { filename: `planned-work-${row.startsAt.toISOString().slice(0, 10)}.ics`, ics: value };
}
