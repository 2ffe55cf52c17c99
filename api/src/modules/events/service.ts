import {
  type EventFeedPage,
  type EventFeedQuery,
  type EventPayload,
  EventPayloadSchemas,
  type EventType,
} from '@portico/shared/contracts/webhooks';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { badRequest, forbidden } from '../../errors';
import { canReadEvents } from '../webhooks/policy';
import * as repo from './repo';

/**
 * Records an event for webhooks and the changes feed. Call it with the transaction that writes the
 * change: a rolled-back change announces nothing, a committed one is numbered by the worker's
 * sequencer and then fanned out to the landlord's endpoints. The payload is checked against the
 * contract here, so a wrong payload fails the change in tests rather than reaching integrators.
 */
export async function emitEvent<T extends Exclude<EventType, 'webhook.test'>>(
  tx: DbOrTx,
  landlordId: string,
  type: T,
  data: EventPayload<T>,
) {
  const parsed = EventPayloadSchemas[type].parse(data);
  return repo.insertEvent(tx, { landlordId, type, data: parsed });
}

/** `emitEvent` for many changes of one type at once (a billing run): batched inserts, same checks. */
export async function emitEvents<T extends Exclude<EventType, 'webhook.test'>>(
  tx: DbOrTx,
  landlordId: string,
  type: T,
  data: EventPayload<T>[],
) {
  const schema = EventPayloadSchemas[type];
  await repo.insertEvents(
    tx,
    landlordId,
    type,
    data.map((d) => schema.parse(d)),
  );
}

/** The envelope an event is sent and listed in (Standard Webhooks: type, timestamp, data). */
export function envelope(row: { type: string; data: unknown; createdAt: Date }) {
  return { type: row.type, timestamp: row.createdAt.toISOString(), data: row.data };
}

const encodeSeq = (seq: number) => Buffer.from(`s${seq}`).toString('base64url');
function decodeSeq(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^s\d{1,15}$/.test(text)) throw badRequest('event_cursor_invalid');
  return Number(text.slice(1));
}

/**
 * The changes feed: the landlord's events in the order they were numbered, after the cursor.
 * `nextCursor` is always set (after an empty page it is the cursor given), so a poller keeps its
 * place; with no cursor the feed starts at the oldest event kept.
 */
export async function feed(deps: Deps, actor: StaffActor, query: EventFeedQuery): Promise<EventFeedPage> {
  if (!canReadEvents(actor)) throw forbidden();
  const afterSeq = query.after ? decodeSeq(query.after) : 0;
  const rows = await repo.listFeed(deps.db, { landlordId: actor.landlordId, afterSeq, types: query.types, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ id: r.id, ...envelope(r) }) as EventFeedPage['items'][number]),
    nextCursor: encodeSeq(last ? last.seq! : afterSeq),
    hasMore: rows.length > query.limit,
  };
}

export { findEvent, sequencePending } from './repo';

/** Retention: events older than `days` (the feed promises at least 30). */
export async function purgeOldEvents(db: DbOrTx, days: number, now = new Date()) {
  return repo.deleteEventsBefore(db, new Date(now.getTime() - days * 24 * 3600 * 1000));
}
