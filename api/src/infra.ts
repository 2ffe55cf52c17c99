import path from 'node:path';
import { Redis } from 'ioredis';
import type { Config } from './config';
import { createDb } from './db/client';
import { createLocalStorage } from './storage/local';

/** Opens the connections both entry points need; `close` ends them all. */
export function openInfra(config: Config) {
  const { db, pool } = createDb(config.databaseUrl);
  // BullMQ requires maxRetriesPerRequest null on connections it blocks on.
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
  const storage = createLocalStorage(path.resolve(config.filesDir));
  return {
    deps: { db, config, storage, redis },
    pool,
    async close() {
      await Promise.allSettled([pool.end(), redis.quit()]);
    },
  };
}
