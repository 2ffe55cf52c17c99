import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '../../errors';

/**
 * Limits per account, whatever address the attempts come from (the route limits are per client).
 * Counted in Redis under a hash of the normalised identifier, so no address is stored there.
 *
 * Each window is fixed: it starts at the first counted attempt and is not extended by later ones,
 * so an attacker can hold an account shut for at most one window at a time and the owner can
 * always get in again once it ends (or at once with e-ID, or by resetting the password).
 *
 * Fails closed: if Redis cannot answer (the API's client gives up after about a second), the
 * attempt is refused with 503 rather than let through uncounted.
 */
export type AccountLimits = {
  /** Counts an attempt and says whether it is still within `max` for the window. */
  hit(bucket: string, identifier: string, max: number, windowSeconds: number): Promise<boolean>;
  /** Forgets the count (after a successful sign-in). */
  clear(bucket: string, identifier: string): Promise<void>;
};

/** Trimmed, lower-cased and NFKC-folded, so `Anna@X.se ` and `anna@x.se` share one counter. */
export const normaliseIdentifier = (identifier: string) => identifier.normalize('NFKC').trim().toLowerCase();

export function redisAccountLimits(redis: Redis, prefix: string): AccountLimits {
  const key = (bucket: string, identifier: string) =>
    `${prefix}:acct:${bucket}:${createHash('sha256').update(normaliseIdentifier(identifier)).digest('hex')}`;
  const unavailable = () => new AppError(503, 'service_unavailable');
  return {
    async hit(bucket, identifier, max, windowSeconds) {
      const k = key(bucket, identifier);
      // SET NX EX starts the window only when there is none; INCR keeps the key's expiry.
      const result = await redis
        .multi()
        .set(k, 0, 'EX', windowSeconds, 'NX')
        .incr(k)
        .exec()
        .catch(() => null);
      const count = result?.[1]?.[1];
      if (typeof count !== 'number') throw unavailable();
      return count <= max;
    },
    async clear(bucket, identifier) {
      await redis.del(key(bucket, identifier)).catch(() => {
        throw unavailable();
      });
    },
  };
}
