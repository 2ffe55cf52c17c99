import type { Delivery, DeliveryListQuery, DeliveryPage } from '@portico/shared/contracts/deliveries';
import type { StaffActor } from '../../actors';
import { decodeCursor, encodeCursor } from '../../cursor';
import type { Deps } from '../../deps';
import { conflict, forbidden, notFound } from '../../errors';
import { findDelivery, listDeliveries, requeueFailed } from '../outbox/service';
import { canManageDeliveries } from './policy';

type Row = NonNullable<Awaited<ReturnType<typeof findDelivery>>>;

const STATE = { pending: 'queued', sent: 'sent', failed: 'failed' } as const;
const STATUS = { queued: 'pending', sent: 'sent', failed: 'failed' } as const;

function toDelivery(row: Row): Delivery {
  return {
    id: row.id,
    channel: row.channel,
    state: STATE[row.status],
    attempts: row.attempts,
    lastError: row.lastError,
    messageId: row.messageId,
    caseId: row.caseId,
    customerId: row.customerId,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export async function listForStaff(deps: Deps, actor: StaffActor, query: DeliveryListQuery): Promise<DeliveryPage> {
  if (!canManageDeliveries(actor)) throw forbidden();
  const rows = await listDeliveries(deps.db, {
    landlordId: actor.landlordId,
    messageId: query.messageId,
    caseId: query.caseId,
    customerId: query.customerId,
    status: query.state ? STATUS[query.state] : undefined,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { items: page.map(toDelivery), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!) : null };
}

/**
 * Sends a failed delivery again: it goes back in line with a fresh set of tries (about a day of
 * them). Only a failed one: a queued one is still being tried and a sent one arrived. Another
 * landlord's delivery is "not found", never "forbidden", so ids reveal nothing.
 */
export async function retry(deps: Deps, actor: StaffActor, deliveryId: string): Promise<Delivery> {
  if (!canManageDeliveries(actor)) throw forbidden();
  const scope = { landlordId: actor.landlordId, id: deliveryId };
  const requeued = await requeueFailed(deps.db, scope);
  if (requeued) return toDelivery(requeued);
  if (!(await findDelivery(deps.db, scope))) throw notFound('delivery');
  throw conflict('not_retryable');
}
