import { createServer, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { type DeliverJob, IMPORT_QUEUE, type ImportJob, NOTIFICATION_QUEUE } from '@portico/shared/jobs';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { loadConfigOrExit } from './config';
import type { Deps } from './deps';
import { openInfra } from './infra';
import { deliverProcessor } from './jobs/deliver';
import { importProcessor, importWorkerOptions, reconcileImportsOnce } from './jobs/import';
import { cappedBackoff, queueSettings } from './jobs/queue-config';
import { reconcileOnce } from './jobs/reconcile';
import { relayOnce } from './jobs/relay';
import { deliverDueOnce, sequenceOnce, webhookSettings } from './jobs/webhooks';
import { createWorkerMetrics, type WorkerMetrics } from './jobs/worker-metrics';
import { loggerFor } from './log';
import { bearerMatches } from './metrics-token';
import { guardedAgent } from './modules/webhooks/address-guard';
import { createMailer } from './notify/mailer';
import { createSmsSender } from './notify/sms';

type Log = Pick<Logger, 'info' | 'warn' | 'error'>;

/**
 * A loop that runs `pass` every `intervalMs` until stopped, surviving its errors (Postgres or
 * Redis away): it logs and tries again next time. `pass` returns true to run again at once.
 */
function loop(log: Log, name: string, pass: () => Promise<boolean>, intervalMs: number, firstDelayMs = 0) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const state = { lastPassAt: Date.now() };
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await pass())) state.lastPassAt = Date.now();
      } catch (err) {
        log.error({ loop: name, err }, `${name} pass failed`);
      }
      state.lastPassAt = Date.now();
      if (!stopped) timer = setTimeout(tick, intervalMs);
    })();
  };
  if (firstDelayMs > 0) timer = setTimeout(tick, firstDelayMs);
  else tick();
  return {
    state,
    /** Stops the loop and waits for a pass in progress, so shutdown does not cut a transaction. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** How often the worker looks for scheduled billing runs: a quarter of an hour is soon enough for a day. */
const BILLING_SCHEDULE_INTERVAL_MS = 15 * 60_000;

/**
 * Runs the outbox relay, the reconciler, the delivery worker, retention and the upload sweeper
 * until `close`.
 */
export function startWorker(deps: Deps) {
  const settings = queueSettings(deps.config);
  const log = loggerFor(deps.config).child({ component: 'worker' });
  // The worker's own connections: BullMQ needs them to wait for Redis (no per-command retry limit),
  // while the API's connection is set to fail fast. `duplicate` gives the blocking worker its own.
  const connection = new Redis(deps.config.redisUrl, { maxRetriesPerRequest: null });
  // One line when Redis goes away, one when it is back; not one per reconnect attempt.
  let redisDown = false;
  connection.on('error', (err) => {
    if (!redisDown) log.error({ err }, 'Redis unreachable; reconnecting');
    redisDown = true;
  });
  connection.on('ready', () => {
    if (redisDown) log.info('Redis reachable again');
    redisDown = false;
  });
  const prefix = deps.config.redisPrefix;
  const queue = new Queue<DeliverJob>(NOTIFICATION_QUEUE, { connection, prefix });
  // While Redis is away every BullMQ client reports each reconnect attempt; the line above said it.
  const report = (source: string) => (err: Error) => {
    if (!(redisDown && /ECONNREFUSED|ECONNRESET|Connection is closed/.test(err.message))) log.error({ source, err }, `${source} error`);
  };
  queue.on('error', report('queue'));
  const mailer = createMailer(deps.config);
  const worker = new Worker(
    NOTIFICATION_QUEUE,
    deliverProcessor(deps.db, mailer, createSmsSender(deps.config), settings, deps.storage, log),
    {
      connection: connection.duplicate(),
      prefix,
      concurrency: settings.concurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: settings.maxStalledCount,
      settings: { backoffStrategy: (attemptsMade: number) => cappedBackoff(settings, attemptsMade) },
    },
  );
  worker.on('error', report('worker'));
  // Spreadsheet imports above the request's threshold (issue 9): dry runs and commits.
  const importWorker = new Worker(IMPORT_QUEUE, importProcessor(deps), importWorkerOptions(deps, connection, settings));
  importWorker.on('error', report('import worker'));
  const metrics = createWorkerMetrics();
  worker.on('completed', () => metrics.jobDone(NOTIFICATION_QUEUE, 'completed'));
  importWorker.on('failed', () => metrics.jobDone(IMPORT_QUEUE, 'failed'));
  importWorker.on('completed', () => metrics.jobDone(IMPORT_QUEUE, 'completed'));
  // A job that threw past its processor's own handling (a bug, Postgres away): BullMQ retries it.
  worker.on('failed', (job, err) => {
    metrics.jobDone(NOTIFICATION_QUEUE, 'failed');
    log.warn({ queue: NOTIFICATION_QUEUE, jobId: job?.id, outboxId: job?.data?.outboxId, err }, 'job failed');
  });
  importWorker.on('failed', (job, err) =>
    log.warn(
      { queue: IMPORT_QUEUE, jobId: job?.id, importId: job?.data?.importId, landlordId: job?.data?.landlordId, err },
      'import job failed',
    ),
  );
  importWorker.on('completed', (job) =>
    log.info({ queue: IMPORT_QUEUE, jobId: job.id, importId: job.data?.importId, landlordId: job.data?.landlordId }, 'import job done'),
  );
  const importJobs = new Queue<ImportJob>(IMPORT_QUEUE, { connection, prefix });
  importJobs.on('error', report('import queue'));

  // Drain fully before sleeping, so a burst does not wait a tick per batch.
  const relay = loop(log, 'relay', async () => (await relayOnce(deps.db, queue, settings)) > 0, settings.relayIntervalMs);
  const reconciler = loop(
    log,
    'reconciler',
    async () => {
      const { checked, handedOver } = await reconcileOnce(deps.db, queue, settings);
      if (handedOver) log.warn({ handedOver }, 'reconciler: handed outbox rows over again');
      return checked === settings.relayBatch;
    },
    settings.reconcileIntervalMs,
  );
  const importReconciler = loop(
    log,
    'import reconciler',
    async () => {
      const { checked, handedOver } = await reconcileImportsOnce(deps.db, importJobs, settings, settings.leaseMs);
      if (handedOver) log.warn({ handedOver }, 'import reconciler: handed import runs over again');
      return checked === settings.relayBatch;
    },
    settings.reconcileIntervalMs,
  );
  // Retention and the upload sweeper are imported when first used: their modules (auth, e-ID,
  // files) take seconds to load on a busy machine, and a restarted worker should be sending by then.
  const retention = loop(
    log,
    'retention',
    async () => {
      const { runRetention } = await import('./jobs/retention');
      const deleted = await runRetention(deps, settings.retentionDays, new Date(), deps.config.webhooks.retentionDays);
      if (Object.values(deleted).some(Boolean)) log.info({ deleted }, 'retention: rows deleted');
      return false;
    },
    settings.retentionIntervalMs,
    // Not in the first seconds after a (re)start, when the worker should be sending.
    Math.min(60_000, settings.retentionIntervalMs),
  );
  // Issue 11 (RUN): scheduled billing runs (decision 11R4); each pass bills the next month for the
  // landlords whose schedule day has come, once (a repeated pass finds the run recorded).
  const billingSchedule = loop(
    log,
    'billing schedule',
    async () => {
      const { runBillingSchedule } = await import('./jobs/billing-schedule');
      const { period, results } = await runBillingSchedule(deps);
      if (results.length) log.info({ period, results }, 'billing schedule: runs made');
      return false;
    },
    BILLING_SCHEDULE_INTERVAL_MS,
    Math.min(60_000, BILLING_SCHEDULE_INTERVAL_MS),
  );
  // Issue 10: events are numbered in commit order and fanned out, then due webhook deliveries are
  // sent; both poll Postgres (decision 10H3), so neither depends on Redis.
  const hooks = webhookSettings(deps.config);
  const hookAgent = guardedAgent(hooks.allowPrivate, hooks.timeoutMs);
  const sequencer = loop(
    log,
    'event sequencer',
    async () => (await sequenceOnce(deps.db, hooks)) === hooks.sequenceBatch,
    hooks.pollIntervalMs,
  );
  const webhookSender = loop(
    log,
    'webhook sender',
    async () => (await deliverDueOnce(deps, hookAgent, hooks)) === hooks.sendBatch,
    hooks.pollIntervalMs,
  );
  // Issue 11 (DOCS): notice PDFs, the e-mail on issue and overdue reminders, each picked by the
  // notice's state in Postgres (pdf_key / emailed_at / reminded_at null), so a crash loses nothing.
  const noticeDocuments = loop(
    log,
    'notice documents',
    async () => {
      const docs = await import('./modules/notice-documents/service');
      const rendered = await docs.renderPendingPdfs(deps, settings.noticePdfBatch);
      const mailed = await docs.emailPendingNotices(deps, settings.relayBatch);
      const reminded = await docs.sendDueReminders(deps, undefined, settings.relayBatch);
      return rendered === settings.noticePdfBatch || mailed.checked === settings.relayBatch || reminded.checked === settings.relayBatch;
    },
    settings.noticeIntervalMs,
  );
  const sweepTimer = setInterval(() => {
    import('./modules/files/service')
      .then(({ sweepStaleUploads }) => sweepStaleUploads(deps))
      .catch((err) => log.error({ err }, 'upload sweep failed'));
  }, settings.sweepIntervalMs);

  let closing = false;
  return {
    queue,
    metrics,
    /**
     * Liveness: the process is not shutting down and its relay loop has finished a pass within
     * the last 5 minutes (a pass waits while Postgres or Redis is away, which a restart would not
     * cure, so the limit is generous).
     */
    liveness() {
      const sinceRelayMs = Date.now() - relay.state.lastPassAt;
      return { live: !closing && sinceRelayMs < 5 * 60_000, sinceRelayMs, closing };
    },
    async close() {
      closing = true;
      clearInterval(sweepTimer);
      await Promise.all([
        relay.stop(),
        reconciler.stop(),
        importReconciler.stop(),
        retention.stop(),
        billingSchedule.stop(),
        sequencer.stop(),
        webhookSender.stop(),
        noticeDocuments.stop(),
      ]);
      await hookAgent.close();
      // BullMQ's close waits for the jobs in progress to finish, then stops taking new ones.
      await Promise.all([worker.close(), importWorker.close()]);
      await Promise.all([queue.close(), importJobs.close()]);
      await connection.quit().catch(() => connection.disconnect());
      mailer.close();
    },
  };
}

/**
 * `GET /live` on WORKER_HEALTH_PORT: 200 while the worker is alive, 503 otherwise. `GET /metrics`
 * on the same port with `Authorization: Bearer METRICS_TOKEN`: the worker's own metrics (404
 * without a token configured, 401 with a wrong one), like the API's.
 */
export function serveLiveness(port: number, liveness: () => { live: boolean }, metrics?: { token?: string; worker: WorkerMetrics }) {
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      const token = metrics?.token;
      if (!metrics || !token) return json(res, 404, { error: { code: 'not_found', message: 'Not found' } });
      if (!bearerMatches(req.headers.authorization, token)) {
        return json(
          res,
          401,
          { error: { code: 'unauthenticated', message: 'Unauthenticated' } },
          { 'www-authenticate': 'Bearer realm="metrics"' },
        );
      }
      const { registry } = metrics.worker;
      registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': registry.contentType });
          res.end(text);
        },
        () => json(res, 500, { error: { code: 'internal_error', message: 'Metrics unavailable' } }),
      );
      return;
    }
    const live = req.method === 'GET' && req.url === '/live' ? liveness() : undefined;
    json(res, live ? (live.live ? 200 : 503) : 404, live ?? { error: 'not found' });
  });
  server.listen(port);
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // A stray rejection is a bug to see in the log, not a reason to drop the jobs in flight.
  const config = loadConfigOrExit();
  const log = loggerFor(config).child({ component: 'worker' });
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
  const infra = openInfra(config);
  // openInfra listens for the pool's `error` (an idle client dying with Postgres), so a restart
  // of Postgres does not end the process; the loops below retry until it is back.
  const running = startWorker(infra.deps);
  const health =
    config.workerHealthPort === undefined
      ? undefined
      : serveLiveness(config.workerHealthPort, running.liveness, { token: config.metricsToken, worker: running.metrics });
  // Start-up time in the log: the fault-injection run reports how fast a restarted worker is back.
  log.info(
    { startupSeconds: Number(process.uptime().toFixed(1)), livenessPort: config.workerHealthPort },
    `worker running after ${process.uptime().toFixed(1)} s${health ? `, liveness on :${config.workerHealthPort}/live` : ''}`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      // The current jobs get 30 s to finish; after that an exit loses nothing (they run again).
      setTimeout(() => process.exit(1), 30_000).unref();
      await running.close();
      health?.close();
      await infra.close();
      process.exit(0);
    });
  }
}
