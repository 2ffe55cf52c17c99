import { appendFileSync } from 'node:fs';
import type { Logger } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; repo functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbOptions = {
  max?: number;
  /** Longest wait for a connection (new or from a full pool) before the query fails; keeps requests from hanging. */
  connectionTimeoutMillis?: number;
  /**
   * Longest a statement may run (Postgres cancels it) and, 5 s later, how long the client waits for
   * an answer at all: a Postgres that accepts connections but never answers must not hold a request
   * forever. 0 turns both off (migrations).
   */
  statementTimeoutMillis?: number;
  /** Told about connection errors the pool survived (Postgres restarted, connection cut). */
  onError?: (err: Error) => void;
  /**
   * Benchmark only (bench/): append one JSON line `{sql, params}` per statement to this file, so the
   * bare baseline can replay the product's own SQL. Unset (the default), drizzle's no-op logger runs.
   */
  sqlTraceFile?: string | undefined;
};

/** Writes synchronously so the lines of one request are on disk, in order, before its answer. */
export const sqlTraceLogger = (file: string): Logger => ({
  logQuery: (sql, params) => appendFileSync(file, `${JSON.stringify({ sql, params })}\n`),
});

export function createDb(
  url: string,
  { max = 10, connectionTimeoutMillis = 5000, statementTimeoutMillis = 30_000, onError = () => {}, sqlTraceFile }: DbOptions = {},
) {
  const timeouts =
    statementTimeoutMillis > 0 ? { statement_timeout: statementTimeoutMillis, query_timeout: statementTimeoutMillis + 5000 } : {};
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis, ...timeouts });
  // Without these listeners a Postgres restart kills the process: an idle client's error is
  // re-emitted by the pool, and a checked-out client (inside a transaction) emits on itself.
  // The pool drops broken clients on its own and connects afresh on the next query.
  pool.on('error', onError);
  pool.on('connect', (client) => {
    client.on('error', onError);
  });
  const db = drizzle(pool, { schema, ...(sqlTraceFile ? { logger: sqlTraceLogger(sqlTraceFile) } : {}) });
  return { db, pool };
}
