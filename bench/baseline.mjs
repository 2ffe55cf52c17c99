// The bare baseline: plain Fastify + pg (the product's own copies of both, same Node), no auth
// plugin, no zod, no hooks. For each scenario it answers the scenario's URL by running the
// statements the product ran for it (captured by capture.mjs), in order, with the same
// parameters, on a pool of the product's size, and sends JSON shaped like the product's answer.
// Env: DATABASE_URL, PORT, HOST (127.0.0.1), TRACES (capture.mjs output), SCENARIO_DB (big|small),
// POOL_MAX (10, the product's pool).
import { createRequire } from 'node:module';
import { readJson } from './lib.mjs';
import { scenarios } from './scenarios.mjs';

const requireFromApi = createRequire(new URL('../api/package.json', import.meta.url));
const Fastify = requireFromApi('fastify');
const pg = requireFromApi('pg');

const env = process.env;
const traces = readJson(env.TRACES);
const db = env.SCENARIO_DB ?? 'big';
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: Number(env.POOL_MAX ?? 10) });

/** A list page: the statement with the most rows is the page; a one-row, one-number statement the total. An object: the last row returned. */
function listBody(results) {
  let items = [];
  let total = null;
  for (const rows of results) {
    if (rows.length > items.length) items = rows;
    const only = rows.length === 1 ? Object.values(rows[0]) : [];
    if (only.length === 1 && (typeof only[0] === 'number' || /^\d+$/.test(String(only[0])))) total = Number(only[0]);
  }
  return { items, nextCursor: null, previousCursor: null, total: total ?? items.length, totalCapped: false };
}

const byUrl = new Map();
for (const s of scenarios) {
  const trace = traces[s.name];
  if (s.db !== db || !trace) continue;
  byUrl.set(trace.url, {
    ...trace,
    transactional: trace.statements.some(({ sql }) => /^\s*(begin|start transaction|savepoint)\b/i.test(sql)),
  });
}

const app = Fastify({ logger: false });
app.get('*', async (request, reply) => {
  const trace = byUrl.get(request.url);
  if (!trace) return reply.code(404).send({ code: 'not_found' });
  const results = [];
  // A transaction (drizzle logs its `begin`/`commit`) must run on one connection, as in the product.
  const client = trace.transactional ? await pool.connect() : pool;
  try {
    for (const { sql, params } of trace.statements) results.push((await client.query({ text: sql, values: params })).rows);
  } finally {
    if (client !== pool) client.release();
  }
  return trace.shape === 'list' ? listBody(results) : (results.findLast((rows) => rows.length)?.[0] ?? {});
});
app.get('/health', async () => ({ ok: true, scenarios: [...byUrl.keys()] }));

const close = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', close);
process.once('SIGINT', close);
await app.listen({ host: env.HOST ?? '127.0.0.1', port: Number(env.PORT ?? 0) });
