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

describe('SQL trace (benchmark only)', () => {
  it('appends each statement with its parameters as one JSON line when a trace file is set', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sql-trace-')), 'trace.jsonl');
    const traced = createDb(url, { max: 1, sqlTraceFile: file });
    try {
      await traced.db.execute(sql`select ${41}::int + 1 as answer`);
      await traced.db.execute(sql`select ${'second'}::text as word`);
    } finally {
      await traced.pool.end();
    }
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { sql: 'select $1::int + 1 as answer', params: [41] },
      { sql: 'select $1::text as word', params: ['second'] },
    ]);
  });
});
