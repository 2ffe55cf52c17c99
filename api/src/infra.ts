import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from './config';
import { createDb } from './db/client';
import { loggerFor } from './log';
import { createStorage } from './storage';

/** Which entry point opens the connections: their Redis needs differ (see `redisOptions`). */
export type InfraRole = 'api' | 'worker';

export type InfraLog = (message: string, err?: unknown) => void;

/** Redis options per entry point: the two have opposite needs when Redis is away. */
export function redisOptions(role: InfraRole): RedisOptions {
  // BullMQ requires maxRetriesPerRequest null on connections it blocks on; the worker waits for Redis.
  if (role === 'worker') return { maxRetriesPerRequest: null, lazyConnect: true };
  // The API answers every request in bounded time: while Redis is away a command fails at once
  // (no offline queue) and the error handler answers 503; a command on a half-dead connection
  // gives up after commandTimeout. Reconnect attempts stay at most 1 s apart, so the API uses
  // Redis again within about a second of its return.
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 100, 1000),
  };
}

/** Opens the connections both entry points need; `close` ends them all. */
export function openInfra(config: Config, opts: { role?: InfraRole; log?: InfraLog } = {}) {
  const role = opts.role ?? 'worker';
  const log: InfraLog = opts.log ?? ((message, err) => loggerFor(config).warn(err === undefined ? {} : { err }, message));
  const { db, pool } = createDb(config.databaseUrl, {
    onError: (err) => log('Postgres connection lost; reconnecting on demand', err),
    sqlTraceFile: config.sqlTraceFile,
  });
  const redis = new Redis(config.redisUrl, redisOptions(role));
  // One line when Redis goes away and one when it is back, not one per reconnect attempt.
  let redisDown = false;
  redis.on('error', (err) => {
    if (redisDown) return;
    redisDown = true;
    log('Redis unreachable; reconnecting', err);
  });
  redis.on('ready', () => {
    if (!redisDown) return;
    redisDown = false;
    log('Redis reachable again');
  });
  const storage = createStorage(config.storage);
  return {
    deps: { db, config, storage, redis },
    pool,
    async close() {
      await Promise.allSettled([
        pool.end(),
        // QUIT cannot be sent while Redis is away; then drop the socket so no reconnect timer keeps the process alive.
        redis.quit().catch(() => redis.disconnect()),
      ]);
    },
  };
}
