// Interleaved autocannon rounds: for each scenario, a warm-up of both servers, then BENCH_ROUNDS
// rounds alternating product, baseline, product, baseline… Each round sends a fixed number of
// requests sized from the warm-up's latency to last about BENCH_SECONDS, so every request of a
// round is answered before the next round starts (a round cut off by a timer would leave queries
// running in Postgres while the other server is measured). Scenarios slower than 2 s a request
// get 3 rounds. Per round: answers per second (2xx only) and latency percentiles from every
// response's own time; per scenario and side: the median of each figure over the rounds.
// Env: PRODUCT_URL, BASELINE_URL, PRODUCT_SMALL_URL, BASELINE_SMALL_URL, TRACES, MEASURE_OUT,
// STAFF_EMAIL, PORTAL_EMAIL, BENCH_PASSWORD, BENCH_ROUNDS (5), BENCH_SECONDS (5), BENCH_ONLY.
import { writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { median, percentile, readJson, signInBoth } from './lib.mjs';
import { scenarios } from './scenarios.mjs';
import { selected } from './select.mjs';

const env = process.env;
const ROUNDS = Number(env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Math.min(2, SECONDS);
const SLOW_MS = 2000;
const traces = readJson(env.TRACES);
const urls = {
  big: { product: env.PRODUCT_URL, baseline: env.BASELINE_URL },
  small: { product: env.PRODUCT_SMALL_URL, baseline: env.BASELINE_SMALL_URL },
};

function cannon(opts) {
  const times = [];
  let non2xx = 0;
  let errors = 0;
  let bytes = 0;
  return new Promise((resolve, reject) => {
    // timeout: a slow search must still count as an answer; bailout: a dead server ends the round.
    const instance = autocannon({ timeout: 120, bailout: 100, ...opts }, (err, result) => {
      if (err) reject(err);
      else resolve({ times, non2xx, errors, bytes, seconds: result.duration });
    });
    instance.on('response', (_client, status, resBytes, ms) => {
      if (status >= 200 && status < 300) {
        times.push(ms);
        bytes += resBytes;
      } else non2xx++;
    });
    instance.on('reqError', () => errors++);
  });
}

async function round(url, headers, connections, amount) {
  const { times, non2xx, errors, bytes, seconds } = await cannon({ url, headers, connections, amount });
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requests: times.length,
    rps: times.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    non2xx,
    errors,
    bytesPerResponse: times.length ? bytes / times.length : 0,
  };
}

/** Warms a server up and returns how many requests make a round of about `seconds`. */
async function warmUp(url, headers, connections) {
  const probe = await cannon({ url, headers, connections, amount: connections * 2 });
  const latency = median(probe.times) || 1000;
  const perSecond = (1000 / latency) * connections;
  const more = Math.round(perSecond * WARMUP_SECONDS) - connections * 2;
  if (more >= connections) await cannon({ url, headers, connections, amount: more });
  return { latency, amount: Math.min(50_000, Math.max(connections, Math.round(perSecond * SECONDS))) };
}

const summarise = (rounds) => ({
  rounds,
  rps: median(rounds.map((r) => r.rps)),
  p50: median(rounds.map((r) => r.p50)),
  p95: median(rounds.map((r) => r.p95)),
  p99: median(rounds.map((r) => r.p99)),
  requests: rounds.reduce((n, r) => n + r.requests, 0),
  non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
  errors: rounds.reduce((n, r) => n + r.errors, 0),
  bytesPerResponse: median(rounds.map((r) => r.bytesPerResponse)),
});

const out = { rounds: ROUNDS, seconds: SECONDS, scenarios: {} };
for (const s of scenarios.filter(selected)) {
  const trace = traces[s.name];
  if (!trace) {
    console.error(`  ${s.name}: no trace captured; skipped`);
    continue;
  }
  // Fresh cookies per scenario: access tokens live 15 minutes.
  const headers = (await signInBoth(urls[s.db].product))[s.as];
  const sides = s.baseline === false ? ['product'] : ['product', 'baseline'];
  const url = (side) => `${urls[s.db][side]}${trace.url}`;
  const plan = {};
  for (const side of sides) plan[side] = await warmUp(url(side), headers, s.connections);
  const slow = sides.some((side) => plan[side].latency > SLOW_MS);
  const rounds = Object.fromEntries(sides.map((side) => [side, []]));
  for (let i = 0; i < (slow ? Math.min(3, ROUNDS) : ROUNDS); i++) {
    for (const side of sides) rounds[side].push(await round(url(side), headers, s.connections, plan[side].amount));
  }
  out.scenarios[s.name] = Object.fromEntries(sides.map((side) => [side, summarise(rounds[side])]));
  const line = sides
    .map((side) => {
      const r = out.scenarios[s.name][side];
      return `${side} ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} p99 ${r.p99.toFixed(1)} ms${r.non2xx + r.errors ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : ''}`;
    })
    .join(' | ');
  console.error(`  ${s.name}: ${line}`);
}
writeFileSync(env.MEASURE_OUT, JSON.stringify(out, null, 1));
