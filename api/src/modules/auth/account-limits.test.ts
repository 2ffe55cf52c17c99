import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisOptions } from '../../infra';
import { redisAccountLimits } from './account-limits';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', redisOptions('api'));
const prefix = `${process.env.REDIS_PREFIX ?? 'portico'}:test-${randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  // The API's client has no offline queue: wait until it is connected.
  if (redis.status !== 'ready') await once(redis, 'ready');
});
afterAll(() => redis.quit());

describe('per-account limits', () => {
  it('counts per normalised identifier in a fixed window that ends, so nobody is locked out for good', async () => {
    const limits = redisAccountLimits(redis, prefix);
    const id = `Anna-${randomUUID()}@Example.test`;
    expect(await limits.hit('login', id, 2, 1)).toBe(true);
    expect(await limits.hit('login', ` ${id.toLowerCase()} `, 2, 1)).toBe(true);
    expect(await limits.hit('login', id.toUpperCase(), 2, 1)).toBe(false);
    // Refused attempts do not push the window further out.
    await sleep(600);
    expect(await limits.hit('login', id, 2, 1)).toBe(false);
    await sleep(600);
    expect(await limits.hit('login', id, 2, 1)).toBe(true);
  });

  it('forgets the count when cleared, and keeps buckets apart', async () => {
    const limits = redisAccountLimits(redis, prefix);
    const id = `bo-${randomUUID()}@example.test`;
    expect(await limits.hit('login', id, 1, 60)).toBe(true);
    expect(await limits.hit('login', id, 1, 60)).toBe(false);
    expect(await limits.hit('reset', id, 1, 60)).toBe(true);
    await limits.clear('login', id);
    expect(await limits.hit('login', id, 1, 60)).toBe(true);
  });

  it('fails closed, and quickly, when Redis cannot answer', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { ...redisOptions('api'), lazyConnect: true, retryStrategy: () => null });
    try {
      const limits = redisAccountLimits(dead, prefix);
      const started = Date.now();
      await expect(limits.hit('login', 'someone@example.test', 10, 60)).rejects.toMatchObject({
        statusCode: 503,
        code: 'service_unavailable',
      });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      dead.disconnect();
    }
  });
});
