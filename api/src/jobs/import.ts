import { IMPORT_JOB, IMPORT_QUEUE, type ImportJob, ImportJobSchema } from '@portico/shared/jobs';
import type { Job, JobsOptions, Queue, WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Db } from '../db/client';
import type { Deps } from '../deps';
import { findStaleRuns } from '../modules/imports/repo';
import type { QueueSettings } from './queue-config';
import { LIVE } from './reconcile';

/** The job id is the import and its run: the same run handed over twice is one job. */
const importJobId = (job: Pick<ImportJob, 'importId' | 'run'>) => `${job.importId}-${job.run}`;

function importJobOptions(job: ImportJob, settings: QueueSettings): JobsOptions {
  return {
    jobId: importJobId(job),
    attempts: settings.importAttempts,
    backoff: { type: 'fixed', delay: settings.importBackoffMs },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/**
 * The API's handle on the imports queue (made on first use: BullMQ loads then, not at start-up).
 * It shares the API's Redis connection, which fails fast while Redis is away: the run's request
 * is then answered 503 and the import stays queued, to be started again by the same request.
 */
export async function importQueue(connection: Redis, prefix: string, settings: QueueSettings) {
  const { Queue } = await import('bullmq');
  const queue: Queue<ImportJob> = new Queue<ImportJob>(IMPORT_QUEUE, { connection, prefix });
  return {
    add: (job: ImportJob) => queue.add(IMPORT_JOB, job, importJobOptions(job, settings)),
    close: () => queue.close(),
  };
}

/**
 * Runs a queued import (dry run or commit). Idempotent: a job of an earlier run, or of a run
 * already finished, does nothing, and a commit re-checks its status under the import's lock in
 * its own transaction — so a job retried after a crash never applies a file twice.
 */
export function importProcessor(deps: Deps) {
  return async (job: Job) => {
    const payload = ImportJobSchema.parse(job.data);
    const { markRunFailed, runQueued } = await import('../modules/imports/service');
    try {
      return await runQueued(deps, payload);
    } catch (err) {
      // The last try: the run is over and, its transaction rolled back, nothing was applied.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await markRunFailed(deps, payload).catch(() => {});
      throw err;
    }
  };
}

/** The imports worker's BullMQ options (its own connection: a blocking worker must not share one). */
export function importWorkerOptions(deps: Deps, connection: Redis, settings: QueueSettings): WorkerOptions {
  return {
    connection: connection.duplicate(),
    prefix: deps.config.redisPrefix,
    concurrency: settings.importConcurrency,
    lockDuration: settings.importLockDurationMs,
    stalledInterval: settings.stalledIntervalMs,
    maxStalledCount: settings.maxStalledCount,
  };
}

/**
 * Nothing committed is lost, imports included: a run still queued or running in the database
 * whose job BullMQ no longer has (Redis lost its data) or has finished without settling the row
 * (the database was away) is handed over again after `staleMs` without progress. A live job is
 * left alone. The job acts for the import's uploader (the run's starter is not stored); the run
 * checks that person's role again before it touches anything.
 */
export async function reconcileImportsOnce(db: Db, queue: Queue<ImportJob>, settings: QueueSettings, staleMs: number, now = Date.now()) {
  const rows = await findStaleRuns(db, new Date(now - staleMs), settings.relayBatch);
  let handedOver = 0;
  for (const row of rows) {
    const job: ImportJob = { importId: row.id, landlordId: row.landlordId, run: row.run, actorId: row.createdById };
    const state = await queue.getJobState(importJobId(job));
    if (LIVE.has(state)) continue;
    if (state === 'completed' || state === 'failed') await queue.remove(importJobId(job));
    await queue.add(IMPORT_JOB, job, importJobOptions(job, settings));
    handedOver++;
  }
  return { checked: rows.length, handedOver };
}
