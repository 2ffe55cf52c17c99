import { randomBytes, randomUUID } from 'node:crypto';
import {
  WEBHOOK_SECRET_PREFIX,
  type WebhookDelivery,
  type WebhookDeliveryDetail,
  type WebhookDeliveryListQuery,
  type WebhookEndpoint,
  type WebhookEndpointCreate,
  WebhookEndpointCreateSchema,
  type WebhookEndpointPatch,
  type WebhookEndpointWithSecret,
} from '@portico/shared/contracts/webhooks';
import type { CursorPage, CursorQuery } from '@portico/shared/pagination';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { envelope, findEvent } from '../events/service';
import { checkWebhookUrl } from './address-guard';
import { canManageWebhooks } from './policy';
import * as repo from './repo';

export const newSecret = () => `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;

function toEndpoint(row: repo.EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes as WebhookEndpoint['eventTypes'],
    enabled: row.enabled,
    disabledReason: row.enabled ? null : (row.disabledReason ?? 'manual'),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toDelivery(row: repo.DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType as WebhookDelivery['eventType'],
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastDurationMs: row.lastDurationMs,
    lastResponse: row.lastResponse,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: row.status === 'pending' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

function assertMayManage(actor: StaffActor) {
  if (!canManageWebhooks(actor)) throw forbidden();
}

async function requireEndpoint(db: DbOrTx, actor: StaffActor, endpointId: string) {
  const row = await repo.findEndpoint(db, actor.landlordId, endpointId);
  if (!row) throw notFound('webhook_endpoint');
  return row;
}

/** 400 `webhook_url_not_allowed` for http (without the dev setting) and internal addresses. */
async function allowedUrl(deps: Deps, url: string) {
  const check = await checkWebhookUrl(url, deps.config.webhooks.allowPrivate);
  if (!check.ok) throw badRequest('webhook_url_not_allowed', { reason: check.reason });
  return check.url.toString();
}

export async function listEndpoints(deps: Deps, actor: StaffActor, query: CursorQuery): Promise<CursorPage<WebhookEndpoint>> {
  assertMayManage(actor);
  const { items, ...page } = await repo.listEndpoints(deps.db, actor.landlordId, query);
  return { ...page, items: items.map(toEndpoint) };
}

export async function getEndpoint(deps: Deps, actor: StaffActor, endpointId: string): Promise<WebhookEndpoint> {
  assertMayManage(actor);
  return toEndpoint(await requireEndpoint(deps.db, actor, endpointId));
}

/** Creates an endpoint; the answer is the only time (besides a rotation) the secret is shown. */
export async function createEndpoint(deps: Deps, actor: StaffActor, input: WebhookEndpointCreate): Promise<WebhookEndpointWithSecret> {
  assertMayManage(actor);
  const body = WebhookEndpointCreateSchema.parse(input);
  const url = await allowedUrl(deps, body.url);
  const secret = newSecret();
  const row = await repo.insertEndpoint(deps.db, actor.landlordId, {
    url,
    description: body.description,
    eventTypes: [...new Set(body.eventTypes)],
    secret,
  });
  return { ...toEndpoint(row), secret };
}

/** Edits URL, description, events or on/off; switching on clears the failure record. */
export async function updateEndpoint(
  deps: Deps,
  actor: StaffActor,
  endpointId: string,
  patch: WebhookEndpointPatch,
): Promise<WebhookEndpoint> {
  assertMayManage(actor);
  const current = await requireEndpoint(deps.db, actor, endpointId);
  const url = patch.url !== undefined ? await allowedUrl(deps, patch.url) : undefined;
  const row = await repo.updateEndpoint(deps.db, actor.landlordId, current.id, {
    ...(url !== undefined ? { url } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.eventTypes ? { eventTypes: [...new Set(patch.eventTypes)] } : {}),
    ...(patch.enabled === true && !current.enabled ? { enabled: true, disabledReason: null, failingSince: null } : {}),
    ...(patch.enabled === false && current.enabled ? { enabled: false, disabledReason: 'manual' as const } : {}),
  });
  if (!row) throw notFound('webhook_endpoint');
  return toEndpoint(row);
}

/** A new secret, effective for the next try; the old one stops signing at once. */
export async function rotateSecret(deps: Deps, actor: StaffActor, endpointId: string): Promise<WebhookEndpointWithSecret> {
  assertMayManage(actor);
  await requireEndpoint(deps.db, actor, endpointId);
  const secret = newSecret();
  const row = await repo.updateEndpoint(deps.db, actor.landlordId, endpointId, { secret });
  if (!row) throw notFound('webhook_endpoint');
  return { ...toEndpoint(row), secret };
}

/** Deletes the endpoint and its delivery log. */
export async function deleteEndpoint(deps: Deps, actor: StaffActor, endpointId: string): Promise<void> {
  assertMayManage(actor);
  if (!(await repo.deleteEndpoint(deps.db, actor.landlordId, endpointId))) throw notFound('webhook_endpoint');
}

export async function listDeliveries(
  deps: Deps,
  actor: StaffActor,
  endpointId: string,
  query: WebhookDeliveryListQuery,
): Promise<CursorPage<WebhookDelivery>> {
  assertMayManage(actor);
  await requireEndpoint(deps.db, actor, endpointId);
  const { items, ...page } = await repo.listDeliveries(deps.db, { landlordId: actor.landlordId, endpointId, status: query.status }, query);
  return { ...page, items: items.map(toDelivery) };
}

export async function getDelivery(deps: Deps, actor: StaffActor, endpointId: string, deliveryId: string): Promise<WebhookDeliveryDetail> {
  assertMayManage(actor);
  const row = await repo.findDelivery(deps.db, { landlordId: actor.landlordId, endpointId, id: deliveryId });
  if (!row) throw notFound('webhook_delivery');
  return { ...toDelivery(row), requestBody: row.body, requestHeaders: row.lastRequestHeaders ?? null };
}

async function requireEnabled(db: DbOrTx, actor: StaffActor, endpointId: string) {
  const endpoint = await requireEndpoint(db, actor, endpointId);
  if (!endpoint.enabled) throw conflict('webhook_endpoint_disabled');
  return endpoint;
}

/** "Send test event": a `webhook.test` delivery to this endpoint now (not in the feed). */
export async function sendTest(deps: Deps, actor: StaffActor, endpointId: string): Promise<WebhookDelivery> {
  assertMayManage(actor);
  const endpoint = await requireEnabled(deps.db, actor, endpointId);
  const body = JSON.stringify(
    envelope({ type: 'webhook.test', createdAt: new Date(), data: { endpointId: endpoint.id, message: 'Test event from Portico' } }),
  );
  const [row] = await repo.insertDeliveries(deps.db, [
    { landlordId: actor.landlordId, endpointId: endpoint.id, eventId: randomUUID(), eventType: 'webhook.test', body },
  ]);
  return toDelivery(row!);
}

/**
 * "Redeliver": a new delivery of the same event (same `webhook-id`, same body) with a fresh set of
 * tries; the old one stays in the log as it was.
 */
export async function redeliver(deps: Deps, actor: StaffActor, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  assertMayManage(actor);
  await requireEnabled(deps.db, actor, endpointId);
  const old = await repo.findDelivery(deps.db, { landlordId: actor.landlordId, endpointId, id: deliveryId });
  if (!old) throw notFound('webhook_delivery');
  const [row] = await repo.insertDeliveries(deps.db, [
    { landlordId: actor.landlordId, endpointId, eventId: old.eventId, eventType: old.eventType, body: old.body },
  ]);
  return toDelivery(row!);
}

/** Sends an event from the feed (by id) to this endpoint, e.g. one it was not subscribed to then. */
export async function redeliverEvent(deps: Deps, actor: StaffActor, endpointId: string, eventId: string): Promise<WebhookDelivery> {
  assertMayManage(actor);
  await requireEnabled(deps.db, actor, endpointId);
  const event = await findEvent(deps.db, { landlordId: actor.landlordId, id: eventId });
  if (!event) throw notFound('event');
  const [row] = await repo.insertDeliveries(deps.db, [
    { landlordId: actor.landlordId, endpointId, eventId: event.id, eventType: event.type, body: JSON.stringify(envelope(event)) },
  ]);
  return toDelivery(row!);
}

/**
 * The fan-out, run by the sequencer in the transaction that numbers the events: one delivery per
 * event and enabled endpoint subscribed to its type. Numbering and fan-out commit together, so an
 * event is fanned out exactly once.
 */
export async function fanOut(tx: DbOrTx, numbered: { id: string; landlordId: string; type: string; data: unknown; createdAt: Date }[]) {
  if (!numbered.length) return 0;
  const endpoints = await repo.enabledEndpointsFor(tx, [...new Set(numbered.map((e) => e.landlordId))]);
  const rows = numbered.flatMap((event) =>
    endpoints
      .filter((ep) => ep.landlordId === event.landlordId && ep.eventTypes.includes(event.type))
      .map((ep) => ({
        landlordId: event.landlordId,
        endpointId: ep.id,
        eventId: event.id,
        eventType: event.type,
        body: JSON.stringify(envelope(event)),
      })),
  );
  await repo.insertDeliveries(tx, rows);
  return rows.length;
}

/** Retention: settled deliveries older than `days`. */
export async function purgeSettledDeliveries(db: DbOrTx, days: number, now = new Date()) {
  return repo.deleteSettledDeliveriesBefore(db, new Date(now.getTime() - days * 24 * 3600 * 1000));
}
