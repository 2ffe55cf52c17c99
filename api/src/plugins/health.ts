import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Db } from '../db/client';
import { RETRY_AFTER_SECONDS } from '../unavailable';

/** Longest a readiness probe waits for each dependency; a probe must not hang on a dead socket. */
const PROBE_TIMEOUT_MS = 1000;
/** Longest start-up waits for the first Redis connection (the API's Redis has no offline queue). */
const REDIS_STARTUP_WAIT_MS = 2000;

type Status = 'up' | 'down';

async function probe(check: () => Promise<unknown>): Promise<Status> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS);
      }),
    ]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when Redis is connected or after `ms`, whichever is first; never rejects. */
function redisConnected(redis: Redis, ms: number) {
  if (redis.status === 'ready' || redis.status === 'wait') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
  });
}

/**
 * Liveness, readiness and the API's part in a graceful shutdown.
 * `/api/health/live`: the process answers (no dependency is asked, so an outage never gets the
 * process restarted). `/api/health/ready`: Postgres and Redis both answer; 503 names what is down.
 * `/api/health` stays as the liveness answer it always was.
 */
export const healthPlugin = fp(
  async (app: FastifyInstance, { db, redis }: { db: Db; redis: Redis }) => {
    // Without an offline queue a command sent before the first connection fails, so the first
    // requests after start-up would get 503; wait briefly, but start anyway when Redis is away.
    app.addHook('onReady', () => redisConnected(redis, REDIS_STARTUP_WAIT_MS));

    // While closing, a request still being answered closes its connection afterwards: without
    // this a keep-alive socket goes back to idle after its answer and holds `close` open until
    // its keep-alive timeout, and the client would reuse a socket that is about to go away.
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      if (closing) reply.header('connection', 'close');
      return payload;
    });

    const live = async () => ({ ok: true });
    app.get('/api/health', { schema: { hide: true } }, live);
    app.get('/api/health/live', { schema: { hide: true } }, live);
    app.get('/api/health/ready', { schema: { hide: true } }, async (_request, reply) => {
      const [postgres, redisStatus] = await Promise.all([probe(() => db.execute(sql`select 1`)), probe(() => redis.ping())]);
      const ready = postgres === 'up' && redisStatus === 'up';
      if (!ready) reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));
      return { ok: ready, postgres, redis: redisStatus };
    });
  },
  { name: 'health' },
);
