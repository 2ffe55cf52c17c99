import type { Deps } from '../deps';
import { purgeExpiredSessions } from '../modules/auth/service';
import { purgeExpiredRequests } from '../modules/eid/service';
import { purgeOldEvents } from '../modules/events/service';
import { purgeExpiredIdempotencyKeys } from '../modules/idempotency/service';
import { purgeSettledOutbox } from '../modules/outbox/service';
import { purgeExpiredSignups } from '../modules/signup/service';
import { purgeSettledDeliveries } from '../modules/webhooks/service';

/**
 * One retention pass, run by the worker on a timer: settled outbox rows after `outboxDays`
 * (their payloads name people and, for failed rows, may still hold a link), and at once after
 * expiry sessions, sign-ups (identity numbers) and e-ID requests. Each delete is idempotent,
 * so two workers running it at the same time do no harm.
 */
export async function runRetention(deps: Pick<Deps, 'db'>, outboxDays: number, now = new Date(), eventDays = 30) {
  return {
    // Issue 10: the changes feed and the webhook delivery log keep at least 30 days.
    events: await purgeOldEvents(deps.db, eventDays, now),
    webhookDeliveries: await purgeSettledDeliveries(deps.db, eventDays, now),
    outbox: await purgeSettledOutbox(deps.db, outboxDays, now),
    sessions: await purgeExpiredSessions(deps, now),
    signups: await purgeExpiredSignups(deps, now),
    eidRequests: await purgeExpiredRequests(deps, now),
    // Issue 10: Idempotency-Key answers after their 24 hours.
    idempotencyKeys: await purgeExpiredIdempotencyKeys(deps, now),
  };
}
