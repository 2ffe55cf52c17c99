import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { isDependencyUnavailable } from '../unavailable';
import { createDb } from './client';

const url = process.env.DATABASE_URL ?? '';
const { db, pool } = createDb(url, { max: 1, statementTimeoutMillis: 300 });
afterAll(() => pool.end());

describe('createDb', () => {
  it('ends a statement that runs past the timeout, as an outage (503), not a hang', async () => {
    const started = Date.now();
    const err = await db.execute(sql`select pg_sleep(3)`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeDefined();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(isDependencyUnavailable(err)).toBe(true);
    // The connection is still good afterwards.
    const rows = await db.execute(sql`select 1 as one`);
    expect(rows.rows[0]).toEqual({ one: 1 });
  });
});
