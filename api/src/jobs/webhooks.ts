import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { type Agent, request } from 'undici';
import type { Db } from '../db/client';
import type { Deps } from '../deps';
import { sequencePending } from '../modules/events/service';
import { queueEmail } from '../modules/outbox/service';
import { findLandlord } from '../modules/settings/service';
import { activeAdminRecipients } from '../modules/staff/service';
import { isForbiddenAddress } from '../modules/webhooks/address-guard';
import {
  claimDue,
  type DeliveryRow,
  disableFailingEndpoint,
  markEndpointFailing,
  markEndpointHealthy,
  recordAttempt,
} from '../modules/webhooks/repo';
import { fanOut } from '../modules/webhooks/service';

/** Every webhook number of the worker, from config (decision 10H3). */
export function webhookSettings(config: Deps['config']) {
  const w = config.webhooks;
  return {
    /** Waits before tries 2, 3 …; the number of tries is one more than its length. */
    retryScheduleMs: w.retryScheduleMs,
    /** One POST, connect to last byte. */
    timeoutMs: w.timeoutMs,
    /** A claimed delivery is due again after this long if its worker never recorded the try. */
    leaseMs: w.leaseMs,
    /** A final failure disables an endpoint that has had no 2xx for this long. */
    disableAfterMs: w.disableAfterMs,
    pollIntervalMs: w.pollIntervalMs,
    allowPrivate: w.allowPrivate,
    /** Events numbered per sequencer pass, deliveries claimed per sender pass (sent in parallel). */
    sequenceBatch: 500,
    sendBatch: 20,
    /** Response text kept per try for the delivery log. */
    responseSnippet: 500,
  };
}
export type WebhookSettings = ReturnType<typeof webhookSettings>;

/** Numbers committed events and fans them out to endpoints, in one transaction. */
export async function sequenceOnce(db: Db, settings: Pick<WebhookSettings, 'sequenceBatch'>) {
  return db.transaction(async (tx) => {
    const numbered = await sequencePending(tx, settings.sequenceBatch);
    if (!numbered?.length) return 0;
    await fanOut(tx, numbered);
    return numbered.length;
  });
}

type Outcome = { statusCode: number | null; durationMs: number; response: string | null; headers: Record<string, string> };

/** One signed POST (Standard Webhooks via the `standardwebhooks` package). Never throws. */
export async function sendOnce(
  agent: Agent,
  settings: WebhookSettings,
  endpoint: { url: string; secret: string },
  delivery: Pick<DeliveryRow, 'eventId' | 'body'>,
): Promise<Outcome> {
  const started = Date.now();
  const timestamp = new Date();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Portico-Webhooks/1.0',
    'webhook-id': delivery.eventId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(endpoint.secret).sign(delivery.eventId, timestamp, delivery.body),
  };
  const done = (statusCode: number | null, response: string | null) => ({
    statusCode,
    durationMs: Date.now() - started,
    response: response?.slice(0, settings.responseSnippet) ?? null,
    headers,
  });
  try {
    const host = new URL(endpoint.url).hostname.replace(/^\[|\]$/g, '');
    // A literal address never reaches the guarded DNS lookup; check it here.
    if (!settings.allowPrivate && isIP(host) && isForbiddenAddress(host)) return done(null, 'refused: address not allowed');
    const res = await request(endpoint.url, {
      method: 'POST',
      headers,
      body: delivery.body,
      dispatcher: agent,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    let text = '';
    for await (const chunk of res.body) {
      text += chunk.toString();
      if (text.length >= settings.responseSnippet) break;
    }
    res.body.destroy();
    return done(res.statusCode, text);
  } catch (err) {
    const e = err as Error & { code?: string; cause?: { code?: string; message?: string } };
    const reason =
      e.name === 'TimeoutError' || e.name === 'AbortError' ? `timeout after ${settings.timeoutMs} ms` : (e.cause?.message ?? e.message);
    return done(null, `error: ${reason}`);
  }
}

/**
 * Claims due deliveries, sends them in parallel and records each try: 2xx settles it, anything
 * else schedules the next try from the schedule or, after the last, fails it. A final failure
 * disables an endpoint that has answered no 2xx for `disableAfterMs` and e-mails the landlord's
 * admins (in the same transaction). Returns how many were claimed.
 */
export async function deliverDueOnce(deps: Pick<Deps, 'db' | 'config'>, agent: Agent, settings: WebhookSettings) {
  const claimed = await deps.db.transaction((tx) => claimDue(tx, { limit: settings.sendBatch, leaseMs: settings.leaseMs }));
  await Promise.all(
    claimed.map(async ({ delivery, endpoint }) => {
      const outcome = await sendOnce(agent, settings, endpoint, delivery);
      const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
      const wait = settings.retryScheduleMs[delivery.attempts];
      const final = !ok && wait === undefined;
      await deps.db.transaction(async (tx) => {
        const recorded = await recordAttempt(
          tx,
          { id: delivery.id, attemptsBefore: delivery.attempts },
          {
            status: ok ? 'succeeded' : final ? 'failed' : 'pending',
            nextAttemptAt: ok || final ? null : new Date(Date.now() + wait!),
            lastStatusCode: outcome.statusCode,
            lastDurationMs: outcome.durationMs,
            lastResponse: outcome.response,
            lastRequestHeaders: outcome.headers,
          },
        );
        if (!recorded) return;
        if (ok) return markEndpointHealthy(tx, endpoint.id);
        await markEndpointFailing(tx, endpoint.id);
        if (!final) return;
        const disabled = await disableFailingEndpoint(tx, endpoint.id, new Date(Date.now() - settings.disableAfterMs));
        if (disabled) await notifyAdmins(tx, deps, disabled);
      });
    }),
  );
  return claimed.length;
}

async function notifyAdmins(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  deps: Pick<Deps, 'config'>,
  endpoint: { landlordId: string; url: string },
) {
  const landlord = await findLandlord(tx, endpoint.landlordId);
  if (!landlord) return;
  for (const admin of await activeAdminRecipients(tx, endpoint.landlordId)) {
    await queueEmail(tx, endpoint.landlordId, {
      template: 'webhook_endpoint_disabled',
      to: admin.email,
      locale: admin.locale ?? landlord.defaultLocale,
      landlordName: landlord.name,
      url: endpoint.url,
      link: `${deps.config.adminWebUrl}/settings/webhooks`,
    });
  }
}
