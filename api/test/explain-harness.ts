/**
 * The shared part of the EXPLAIN scripts (explain-messaging.ts, explain-content.ts): a drizzle
 * handle that records every statement a repo function sends, and `explain`, which runs the call,
 * then EXPLAIN (ANALYZE, BUFFERS)s each recorded statement with its own parameters and prints the
 * plans as Markdown. The machine is shared: each figure is the best of `runs`.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../src/db/schema/index';

export function createExplainer(opts: { runs?: number; queryChars?: number } = {}) {
  const runs = opts.runs ?? 5;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  let captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle(pool, { schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } });

  /** Prints the call's plans; returns its best wall time and each statement's best execution time. */
  async function explain(title: string, run: () => Promise<unknown>, only?: (query: string) => boolean) {
    let wall = Number.POSITIVE_INFINITY;
    for (let i = 0; i < runs; i++) {
      captured = [];
      const t0 = performance.now();
      await run();
      wall = Math.min(wall, performance.now() - t0);
    }
    console.log(`\n### ${title}\n\nWhole call (all its queries, best of ${runs}): ${wall.toFixed(1)} ms\n`);
    const statements: { ms: number; seqScan?: string }[] = [];
    for (const { query, params } of captured.filter((c) => !only || only(c.query))) {
      let best: { ms: number; plan: string } | undefined;
      for (let i = 0; i < runs; i++) {
        const { rows } = await pool.query(`explain (analyze, buffers) ${query}`, params);
        const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        const ms = Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? 'NaN');
        if (!best || ms < best.ms) best = { ms, plan };
      }
      statements.push({ ms: best?.ms ?? Number.NaN, seqScan: /Seq Scan on (\w+)/.exec(best?.plan ?? '')?.[1] });
      console.log('```');
      console.log(query.replace(/\s+/g, ' ').slice(0, opts.queryChars ?? 600));
      console.log(`-- params: ${JSON.stringify(params).slice(0, 300)}`);
      console.log(best?.plan);
      console.log('```');
    }
    return { wall, statements };
  }

  return { db, pool, explain };
}
