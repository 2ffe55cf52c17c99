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
};

export function createDb(
  url: string,
  { max = 10, connectionTimeoutMillis = 5000, statementTimeoutMillis = 30_000, onError = () => {} }: DbOptions = {},
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
  const db = drizzle(pool, { schema });
  return { db, pool };
}
