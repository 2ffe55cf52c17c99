import { IMPORT_QUEUE, NOTIFICATION_QUEUE } from '@portico/shared/jobs';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/client';
import { notFound, unauthenticated } from '../errors';
import { bearerMatches } from '../metrics-token';
import { outboxFigures, webhookFigures } from '../modules/metrics/repo';

/** Longest a scrape waits for Postgres or Redis; a slow dependency must not hang the scraper. */
const COLLECT_TIMEOUT_MS = 2000;
/** BullMQ queues whose depth is reported (the worker's two queues, jobs/). */
const QUEUES = [NOTIFICATION_QUEUE, IMPORT_QUEUE] as const;
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
/** Latency buckets in seconds: most API answers take milliseconds, uploads and PDFs seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`metrics collection timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Prometheus metrics at `GET /metrics` (issue 13 §4), outside /api/v1 (so not in OpenAPI), behind
 * `Authorization: Bearer METRICS_TOKEN`. Unset token: the route answers 404, so neither the API
 * nor the SPA fallback exposes anything. One registry per app (tests build many apps).
 * HTTP figures are counted as requests finish, labelled by route template (never the raw URL);
 * outbox, webhook and queue figures are read at scrape time (modules/metrics/repo.ts).
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance, { db, redis }: { db: Db; redis: Redis }) => {
    const token = app.config.metricsToken;
    if (!token) {
      app.get('/metrics', { schema: { hide: true } }, async () => {
        throw notFound('route');
      });
      return;
    }

    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const registers = [registry];

    const requests = new Counter({
      name: 'portico_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status class (2xx, 4xx…).',
      labelNames: ['method', 'route', 'status_class'] as const,
      registers,
    });
    const serverErrors = new Counter({
      name: 'portico_http_server_errors_total',
      help: 'HTTP requests answered with a 5xx status, by method and route template.',
      labelNames: ['method', 'route'] as const,
      registers,
    });
    const duration = new Histogram({
      name: 'portico_http_request_duration_seconds',
      help: 'Time from request to the last byte of the answer, by method and route template.',
      labelNames: ['method', 'route'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    });

    const outboxPending = new Gauge({
      name: 'portico_outbox_pending',
      help: 'Outbox rows (e-mails, SMS) not yet sent nor failed, by channel.',
      labelNames: ['channel'] as const,
      registers,
    });
    const outboxOldest = new Gauge({
      name: 'portico_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest pending outbox row (0 when none is pending).',
      registers,
    });
    const outboxFailed = new Gauge({
      name: 'portico_outbox_failed',
      help: 'Outbox rows that failed for good and are still kept (the retention window), by channel.',
      labelNames: ['channel'] as const,
      registers,
    });
    const outboxLastDay = new Gauge({
      name: 'portico_outbox_deliveries_last_24h',
      help: 'Outbox rows created in the last 24 hours, by channel and current state (pending, sent, failed).',
      labelNames: ['channel', 'state'] as const,
      registers,
    });
    const webhookPending = new Gauge({
      name: 'portico_webhook_deliveries_pending',
      help: 'Webhook deliveries waiting for a (first or further) try.',
      registers,
    });
    const webhookOverdue = new Gauge({
      name: 'portico_webhook_oldest_due_age_seconds',
      help: 'How late the most overdue pending webhook delivery is (0 when none is due).',
      registers,
    });
    const webhookFailed = new Gauge({
      name: 'portico_webhook_deliveries_failed',
      help: 'Webhook deliveries that failed for good and are still kept (the retention window).',
      registers,
    });
    const webhookFailedLastDay = new Gauge({
      name: 'portico_webhook_deliveries_failed_last_24h',
      help: 'Webhook deliveries created in the last 24 hours that failed for good.',
      registers,
    });
    const queueJobs = new Gauge({
      name: 'portico_queue_jobs',
      help: 'BullMQ jobs by queue and state (waiting, active, delayed, failed).',
      labelNames: ['queue', 'state'] as const,
      registers,
    });
    const sourceUp = new Gauge({
      name: 'portico_metrics_source_up',
      help: '1 when this scrape could read the source (postgres, redis), else 0 and its figures are left out.',
      labelNames: ['source'] as const,
      registers,
    });

    app.addHook('onResponse', async (request, reply) => {
      // Unmatched URLs (404s, scanners) share one label: raw URLs would make the series unbounded.
      const route = request.routeOptions.url ?? 'unmatched';
      const method = request.method;
      const status = reply.statusCode;
      requests.inc({ method, route, status_class: `${Math.floor(status / 100)}xx` });
      if (status >= 500) serverErrors.inc({ method, route });
      duration.observe({ method, route }, reply.elapsedTime / 1000);
    });

    // BullMQ handles on the API's Redis connection, made at the first scrape (BullMQ loads then).
    let queues: Promise<Queue[]> | undefined;
    const openQueues = () => {
      queues ??= import('bullmq').then(({ Queue }) =>
        QUEUES.map((name) => new Queue(name, { connection: redis, prefix: app.config.redisPrefix })),
      );
      return queues;
    };
    app.addHook('onClose', async () => {
      if (queues) await Promise.allSettled((await queues).map((q) => q.close()));
    });

    async function collectPostgres() {
      const [outbox, hooks] = await withTimeout(Promise.all([outboxFigures(db), webhookFigures(db)]), COLLECT_TIMEOUT_MS);
      const now = Date.now();
      outboxPending.reset();
      for (const p of outbox.pending) outboxPending.set({ channel: p.channel }, p.count);
      const oldest = outbox.pending.map((p) => p.oldest?.getTime()).filter((t): t is number => t !== undefined);
      outboxOldest.set(oldest.length ? Math.max(0, (now - Math.min(...oldest)) / 1000) : 0);
      for (const f of outbox.failed) outboxFailed.set({ channel: f.channel }, f.count);
      for (const d of outbox.lastDay) outboxLastDay.set({ channel: d.channel, state: d.state }, d.count);
      webhookPending.set(hooks.pending);
      webhookOverdue.set(hooks.oldestDueAgeSeconds);
      webhookFailed.set(hooks.failed);
      webhookFailedLastDay.set(hooks.failedLastDay);
    }

    async function collectRedis() {
      const open = await withTimeout(openQueues(), COLLECT_TIMEOUT_MS);
      const counts = await withTimeout(Promise.all(open.map((q) => q.getJobCounts(...QUEUE_STATES))), COLLECT_TIMEOUT_MS);
      open.forEach((q, i) => {
        for (const state of QUEUE_STATES) queueJobs.set({ queue: q.name, state }, counts[i]![state] ?? 0);
      });
    }

    const postgresGauges = [
      outboxPending,
      outboxOldest,
      outboxFailed,
      outboxLastDay,
      webhookPending,
      webhookOverdue,
      webhookFailed,
      webhookFailedLastDay,
    ];

    app.get('/metrics', { schema: { hide: true } }, async (request, reply: FastifyReply) => {
      if (!bearerMatches(request.headers.authorization, token)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw unauthenticated();
      }
      const [pg, rd] = await Promise.allSettled([collectPostgres(), collectRedis()]);
      // A source that did not answer reports 0 in portico_metrics_source_up and no stale figures.
      sourceUp.set({ source: 'postgres' }, pg.status === 'fulfilled' ? 1 : 0);
      sourceUp.set({ source: 'redis' }, rd.status === 'fulfilled' ? 1 : 0);
      if (pg.status === 'rejected') {
        request.log.warn({ err: pg.reason }, 'metrics: Postgres figures not collected');
        for (const g of postgresGauges) g.reset();
      }
      if (rd.status === 'rejected') {
        request.log.warn({ err: rd.reason }, 'metrics: queue figures not collected');
        queueJobs.reset();
      }
      return reply
        .header('cache-control', 'no-store')
        .type(registry.contentType)
        .send(await registry.metrics());
    });
  },
  { name: 'metrics', dependencies: ['infra'] },
);
