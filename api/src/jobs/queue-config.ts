import type { Config } from '../config';

/** Every retry, backoff and concurrency number of the worker, in one place. */
export function queueSettings(config: Config) {
  return {
    /** Tries per e-mail before it is marked failed (the first send counts). */
    attempts: config.notify.attempts,
    /** Exponential backoff base: 2 s, 4 s, 8 s, 16 s, 32 s by default, about a minute in all. */
    backoffMs: config.notify.backoffMs,
    /** E-mails sent in parallel per worker process; SMTP servers throttle beyond a few. */
    concurrency: 5,
    /** Outbox rows moved to the queue per relay pass. */
    relayBatch: 100,
    relayIntervalMs: config.notify.relayIntervalMs,
    /** Finished jobs kept for a day so a re-added job id is still recognised as done. */
    keepCompletedSeconds: 24 * 3600,
    /** How often unattached uploads are swept. */
    sweepIntervalMs: 3600 * 1000,
  };
}
