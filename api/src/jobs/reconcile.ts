import type { DeliverJob } from '@portico/shared/jobs';
import type { Queue } from 'bullmq';
import type { Db } from '../db/client';
import { claimExpiredLeases, renewLeases } from '../modules/outbox/repo';
import { deliverJob, deliverJobId, type QueueSettings } from './queue-config';

/** Job states in which BullMQ will still run the job by itself. */
export const LIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Hands over again the rows BullMQ no longer knows about. A row handed to the queue but still
 * pending after its lease is looked up by its job id: a live job (waiting, delayed for a backoff,
 * running) only gets a new lease; a missing job (Redis lost its data) or a finished one that did
 * not settle the row (the database was away when it tried) is added again. Returns how many rows
 * were checked and how many handed over again.
 */
export async function reconcileOnce(db: Db, queue: Queue<DeliverJob>, settings: QueueSettings, now = Date.now()) {
  return db.transaction(async (tx) => {
    const rows = await claimExpiredLeases(tx, new Date(now - settings.leaseMs), settings.relayBatch);
    let handedOver = 0;
    for (const row of rows) {
      const jobId = deliverJobId(row);
      const state = await queue.getJobState(jobId);
      if (LIVE.has(state)) continue;
      if (state === 'completed' || state === 'failed') await queue.remove(jobId);
      const job = deliverJob(settings, row);
      await queue.add(job.name, job.data, job.opts);
      handedOver++;
    }
    await renewLeases(
      tx,
      rows.map((r) => r.id),
    );
    return { checked: rows.length, handedOver };
  });
}
