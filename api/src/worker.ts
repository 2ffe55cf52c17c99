import { fileURLToPath } from 'node:url';
import { type DeliverJob, NOTIFICATION_QUEUE } from '@portico/shared/jobs';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfig } from './config';
import type { Deps } from './deps';
import { openInfra } from './infra';
import { deliverProcessor } from './jobs/deliver';
import { queueSettings } from './jobs/queue-config';
import { relayOnce } from './jobs/relay';
import { sweepStaleUploads } from './modules/files/service';
import { createMailer } from './notify/mailer';
import { createSmsSender } from './notify/sms';

/** Runs the outbox relay, the delivery worker and the upload sweeper until `close`. */
export function startWorker(deps: Deps & { redis: Redis }) {
  const settings = queueSettings(deps.config);
  const connection = deps.redis;
  const prefix = deps.config.redisPrefix;
  const queue = new Queue<DeliverJob>(NOTIFICATION_QUEUE, { connection, prefix });
  const mailer = createMailer(deps.config);
  const worker = new Worker(NOTIFICATION_QUEUE, deliverProcessor(deps.db, mailer, createSmsSender(deps.config)), {
    connection: connection.duplicate(),
    prefix,
    concurrency: settings.concurrency,
  });
  worker.on('error', (err) => console.error('worker error', err));

  let stopped = false;
  let relayTimer: NodeJS.Timeout | undefined;
  const relayLoop = async () => {
    if (stopped) return;
    try {
      // Drain fully before sleeping, so a burst does not wait a tick per batch.
      while (!stopped && (await relayOnce(deps.db, queue, settings)) > 0) {}
    } catch (err) {
      console.error('relay error', err);
    }
    if (!stopped) relayTimer = setTimeout(relayLoop, settings.relayIntervalMs);
  };
  void relayLoop();

  const sweepTimer = setInterval(() => {
    sweepStaleUploads(deps).catch((err) => console.error('sweep error', err));
  }, settings.sweepIntervalMs);

  return {
    queue,
    async close() {
      stopped = true;
      clearTimeout(relayTimer);
      clearInterval(sweepTimer);
      await worker.close();
      await queue.close();
      mailer.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const config = loadConfig();
  const infra = openInfra(config);
  const running = startWorker(infra.deps);
  console.log('worker running');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      await running.close();
      await infra.close();
      process.exit(0);
    });
  }
}
