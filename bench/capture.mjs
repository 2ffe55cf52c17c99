// Captures the product's own SQL per scenario: signs in at a product API started with
// SQL_TRACE_FILE, sends each scenario's request once, and keeps the statements (with their
// parameters) that request ran, in order. The baseline (baseline.mjs) replays them.
// Env: TRACE_API_URL (big database), TRACE_SMALL_API_URL (small database), SQL_TRACE_FILE and
// SQL_TRACE_SMALL_FILE (their trace files), TRACES_OUT, STAFF_EMAIL, PORTAL_EMAIL, BENCH_PASSWORD,
// BENCH_ONLY.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { signInBoth } from './lib.mjs';
import { scenarios } from './scenarios.mjs';
import { selected } from './select.mjs';

const env = process.env;
const apis = {
  big: { url: env.TRACE_API_URL, file: env.SQL_TRACE_FILE },
  small: { url: env.TRACE_SMALL_API_URL, file: env.SQL_TRACE_SMALL_FILE },
};
const size = (file) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

const out = {};
for (const db of ['big', 'small']) {
  const todo = scenarios.filter((s) => s.db === db && selected(s));
  if (!todo.length) continue;
  const api = apis[db];
  const headers = await signInBoth(api.url);
  for (const s of todo) {
    const from = size(api.file);
    const res = await fetch(`${api.url}${s.url}`, { headers: headers[s.as] });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${s.name}: GET ${s.url} answered ${res.status}: ${body.slice(0, 300)}`);
    const statements = readFileSync(api.file)
      .subarray(from)
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    if (!statements.length) throw new Error(`${s.name}: no SQL traced (is SQL_TRACE_FILE supported by this API?)`);
    out[s.name] = { url: s.url, as: s.as, shape: s.shape, productBytes: Buffer.byteLength(body), statements };
    console.error(`  ${s.name}: ${statements.length} statements, ${Buffer.byteLength(body)} bytes`);
  }
}
writeFileSync(env.TRACES_OUT, JSON.stringify(out, null, 1));
