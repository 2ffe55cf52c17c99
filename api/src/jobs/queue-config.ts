import { DELIVER_JOB, type DeliverJob } from '@portico/shared/jobs';
import type { JobsOptions } from 'bullmq';
import type { Config } from '../config';

/** The backoff type deliver jobs use; the worker resolves it with `cappedBackoff`. */
export const CAPPED_BACKOFF = 'capped-exponential';

/** Every retry, backoff, lease and concurrency number of the worker, in one place. */
export function queueSettings(config: Config) {
  const { notify } = config;
  return {
    /**
     * Tries per notification before it is marked failed (the first send counts). Counted in
     * the outbox row, not in the BullMQ job, so a job handed over again after Redis lost its data
     * does not get a fresh set. With the defaults (2 s doubling, capped at 1 h, 35 tries) the
     * tries span about 24 h: a day-long SMTP or SMS outage fails nothing.
     */
    attempts: notify.attempts,
    /** First wait after a failed try; doubles each try (2 s, 4 s, 8 s …) up to `backoffMaxMs`. */
    backoffMs: notify.backoffMs,
    /** The cap: beyond it the worker tries once an hour (by default) until the tries run out. */
    backoffMaxMs: notify.backoffMaxMs,
    /** E-mails sent in parallel per worker process; SMTP servers throttle beyond a few. */
    concurrency: 5,
    /**
     * How long a worker holds a job before others may take it (renewed every half of it while
     * the job runs). BullMQ's 30 s default meant a killed worker's jobs came back only after
     * 30–60 s. 10 s is still far above any event-loop pause of this process (sends are async,
     * nodemailer times out after 30 s of silence and the lock keeps renewing meanwhile), so a
     * live worker does not lose its job to another — which would be a duplicate e-mail.
     */
    lockDurationMs: 10_000,
    /**
     * How often each worker looks for jobs whose lock ran out (a killed worker's). With the lock
     * above, a killed worker's jobs run again within about 15 s, on any live worker.
     */
    stalledIntervalMs: 5_000,
    /**
     * Times a job may be taken back from a dead worker before BullMQ fails it. The default (1)
     * failed a job whose worker was killed twice, leaving its row pending. The outbox row, not
     * this count, decides `failed`; a job that still runs out is handed over again by the
     * reconciler.
     */
    maxStalledCount: 10,
    /**
     * Notice documents (issue 11): PDFs rendered per pass (rendering takes the event loop ~5–10 ms
     * a notice, so a pass of 50 holds it well under a second), and how often the worker looks for
     * notices without a PDF, an e-mail or a due reminder when the last pass found none.
     */
    noticePdfBatch: 50,
    noticeIntervalMs: 2_000,
    /** Outbox rows moved to the queue per relay or reconciler pass. */
    relayBatch: 100,
    relayIntervalMs: notify.relayIntervalMs,
    /**
     * A row handed to BullMQ and still pending after this long is checked against Redis; if its
     * job is gone (Redis lost its data, a failover) or finished without settling the row, it is
     * handed over again under the same job id, so a live job is never doubled. 2 min by default:
     * longer than a delivery takes, short enough that a lost job costs minutes, not days.
     */
    leaseMs: notify.leaseMs,
    /** How often the reconciler looks for expired leases: a quarter lease, at most every 30 s. */
    reconcileIntervalMs: Math.min(30_000, Math.max(250, Math.floor(notify.leaseMs / 4))),
    /** Finished jobs kept for a day so a re-added job id is still recognised as done. */
    keepCompletedSeconds: 24 * 3600,
    /** How often unattached uploads are swept. */
    sweepIntervalMs: 3600 * 1000,
    /** Settled outbox rows live this many days; expired sessions, sign-ups and e-ID requests go at once. */
    retentionDays: notify.retentionDays,
    retentionIntervalMs: notify.retentionIntervalMs,
    /**
     * Imports (issue 9): one run at a time per worker process. A run is one long transaction over
     * up to 50,000 rows; two at once would only compete for the same two cores and connections.
     */
    importConcurrency: 1,
    /**
     * Tries per queued import run. A run that fails midway has rolled back (its status is set in
     * the same transaction as its data), so trying again is safe; after the last, the import is
     * marked failed and nothing of it is applied.
     */
    importAttempts: 3,
    /** Wait before the next try of an import run (fixed): a lost connection is usually back by then. */
    importBackoffMs: 10_000,
    /**
     * An import run's lock: renewed every half of it while the run goes on (its queries are async,
     * so the event loop is free to renew). Longer than the deliveries' so a slow statement on a
     * loaded database does not hand a live run to a second worker (which would only wait on the
     * import's lock and then find it done).
     */
    importLockDurationMs: 60_000,
  };
}
export type QueueSettings = ReturnType<typeof queueSettings>;

/** Wait before try `attemptsMade + 1`: exponential from `backoffMs`, never above `backoffMaxMs`. */
export function cappedBackoff(settings: Pick<QueueSettings, 'backoffMs' | 'backoffMaxMs'>, attemptsMade: number) {
  const exponent = Math.max(0, attemptsMade - 1);
  // 2^exponent overflows to Infinity long after the cap is reached; Math.min handles that.
  return Math.min(settings.backoffMaxMs, settings.backoffMs * 2 ** exponent);
}

/**
 * The BullMQ job id of an outbox row: its id, and after a staff retry `<id>-r<n>`, so a retry is
 * a new job while the same row handed over twice is one job.
 */
export function deliverJobId(row: { id: string; retryCount: number }) {
  return row.retryCount > 0 ? `${row.id}-r${row.retryCount}` : row.id;
}

export function deliverJob(settings: QueueSettings, row: { id: string; retryCount: number }) {
  return {
    name: DELIVER_JOB,
    data: { outboxId: row.id } satisfies DeliverJob,
    opts: {
      jobId: deliverJobId(row),
      attempts: settings.attempts,
      backoff: { type: CAPPED_BACKOFF, delay: settings.backoffMs },
      removeOnComplete: { age: settings.keepCompletedSeconds },
      removeOnFail: { age: 7 * 24 * 3600 },
    } satisfies JobsOptions,
  };
}
