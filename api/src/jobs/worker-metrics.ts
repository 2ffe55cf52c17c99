import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

export type JobOutcome = 'completed' | 'failed';

/**
 * The worker's own metrics (served on WORKER_HEALTH_PORT at `/metrics` with METRICS_TOKEN): BullMQ
 * jobs finished per queue and outcome, and the default process metrics. A delivery that failed for
 * good settles its outbox row and completes its job; `failed` counts jobs that threw (BullMQ retries them).
 */
export function createWorkerMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const jobs = new Counter({
    name: 'portico_worker_jobs_total',
    help: 'BullMQ jobs this worker finished, by queue and outcome (completed, failed = threw and will be retried or given up).',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  });
  return { registry, jobDone: (queue: string, outcome: JobOutcome) => jobs.inc({ queue, outcome }) };
}

export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;
