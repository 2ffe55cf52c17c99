import type { DeliverJob } from '@portico/shared/jobs';
import type { Queue } from 'bullmq';
import type { Db } from '../db/client';
import { claimUnqueued, markEnqueued } from '../modules/outbox/repo';
import { deliverJob, type QueueSettings } from './queue-config';

/**
 * Moves committed outbox rows into BullMQ. The job id is the outbox id, so a row handed over
 * twice (a crash between add and commit) is still one job.
 */
export async function relayOnce(db: Db, queue: Queue<DeliverJob>, settings: QueueSettings) {
  return db.transaction(async (tx) => {
    const rows = await claimUnqueued(tx, settings.relayBatch);
    if (!rows.length) return 0;
    await queue.addBulk(rows.map((r) => deliverJob(settings, r)));
    await markEnqueued(
      tx,
      rows.map((r) => r.id),
    );
    return rows.length;
  });
}
