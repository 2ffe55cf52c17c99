// Prints issue 8's table from the measurements (measure.mjs), the SPA figures (bench/spa.mjs) and
// the cold start (bench/cold-start.mjs), and writes it to bench/results/latest.md.
// Env: MEASURE_OUT, SPA_OUT, COLD_OUT (files; absent or holding {"missing": "why"} when not run),
// PHASES (lines "phase<TAB>seconds"), BENCH_META (JSON: scale, counts, commit…).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rows } from './scenarios.mjs';

const env = process.env;
const read = (file) => (file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const measured = read(env.MEASURE_OUT) ?? { scenarios: {} };
const spa = read(env.SPA_OUT);
const cold = read(env.COLD_OUT);
const meta = env.BENCH_META ? JSON.parse(env.BENCH_META) : {};

const ms = (v) => (Number.isFinite(v) ? (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`) : 'n/a');
const rps = (v) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 0)} req/s` : 'n/a');
const ratio = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const verdict = (ok) => (ok === undefined ? '' : ok ? 'PASS' : 'FAIL');
const trouble = (r) => (r && r.non2xx + r.errors ? ` ⚠ ${r.non2xx} non-2xx, ${r.errors} errors` : '');
const lat = (r) => (r ? `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}` : '');

const table = [];
for (const row of rows) {
  const m = measured.scenarios[row.scenario];
  if (!m) continue;
  const p = m.product;
  const b = m.baseline;
  if (row.metric === 'rps-ratio') {
    const value = p.rps / b?.rps;
    table.push([
      row.label,
      `${rps(p.rps)} (${lat(p)})${trouble(p)}`,
      b ? `${rps(b.rps)} (${lat(b)})${trouble(b)}` : 'n/a',
      ratio(value),
      `≥ ${row.min}×`,
      verdict(Number.isFinite(value) ? value >= row.min : false),
    ]);
  } else if (row.metric === 'growth') {
    const small = measured.scenarios[row.versus]?.product;
    const value = p.p99 / small?.p99;
    table.push([
      row.label,
      `1M: p99 ${ms(p.p99)} · 10k: p99 ${ms(small?.p99)} (${rps(p.rps)} · ${rps(small?.rps)})${trouble(p)}${trouble(small)}`,
      b ? `1M: p99 ${ms(b.p99)} (${rps(b.rps)})${trouble(b)}` : 'n/a',
      ratio(value),
      `≤ ${row.max}×`,
      verdict(Number.isFinite(value) ? value <= row.max : false),
    ]);
  } else {
    const key = `p${row.p}`;
    const value = p[key];
    table.push([
      row.label,
      `${ms(value)} (${lat(p)}, ${rps(p.rps)})${trouble(p)}`,
      b ? `${ms(b[key])} (${lat(b)}, ${rps(b.rps)})${trouble(b)}` : 'n/a',
      b ? ratio(value / b[key]) : '',
      `< ${row.max} ms`,
      verdict(Number.isFinite(value) ? value < row.max && !trouble(p) : false),
    ]);
  }
}

const missing = (x) => (x === undefined ? 'n/a (not run)' : `n/a (${x.missing})`);
if (spa !== undefined) {
  const t = spa.tenant;
  if (t) {
    const kb = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} kB` : 'n/a');
    table.push([
      'tenant portal initial JS, gzip (login · first page after sign-in)',
      `${kb(t.loginJsGzipKB)} · ${kb(t.afterSignInJsGzipKB)}`,
      '',
      '',
      '≤ 170 kB each',
      verdict(t.loginJsGzipKB <= 170 && t.afterSignInJsGzipKB <= 170),
    ]);
    table.push([
      'portal LCP, phone viewport, 4× CPU throttle (login · home)',
      `${ms(t.loginLcpMs)} · ${ms(t.homeLcpMs)}`,
      '',
      '',
      '≤ 1.5 s',
      verdict(t.loginLcpMs <= 1500 && t.homeLcpMs <= 1500),
    ]);
    if (spa.admin) {
      const a = spa.admin;
      const figures = Object.entries(a)
        .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(0) : v}`)
        .join(', ');
      table.push(['console (for information)', figures, '', '', '', '']);
    }
  } else {
    table.push(['tenant portal initial JS, gzip', missing(spa), '', '', '≤ 170 kB each', '']);
    table.push(['portal LCP, phone viewport, 4× CPU throttle', missing(spa), '', '', '≤ 1.5 s', '']);
  }
}
if (cold !== undefined) {
  const ok = Number.isFinite(cold.coldStartMs);
  table.push(['API cold start', ok ? ms(cold.coldStartMs) : missing(cold), '', '', '< 1 s', ok ? verdict(cold.coldStartMs < 1000) : '']);
  table.push([
    'API RSS after start',
    ok ? `${cold.rssMiB.toFixed(0)} MiB` : missing(cold),
    '',
    '',
    '< 120 MiB',
    ok ? verdict(cold.rssMiB < 120) : '',
  ]);
}

const header = ['measure', 'product', 'baseline (same SQL, bare Fastify + pg)', 'ratio', 'goal', ''];
const md = [header, header.map(() => '---'), ...table].map((r) => `| ${r.join(' | ')} |`).join('\n');
const phases = (env.PHASES && existsSync(env.PHASES) ? readFileSync(env.PHASES, 'utf8') : '')
  .split('\n')
  .filter(Boolean)
  .map((l) => l.split('\t'))
  .map(([name, s]) => `${name} ${Number(s).toFixed(0)} s`)
  .join(' · ');
const lines = [
  `Benchmark of ${meta.commit ?? 'this checkout'} on ${meta.date ?? new Date().toISOString()} (${meta.machine ?? ''})`,
  `Load average (1, 5, 15 min) before the rounds: ${meta.loadBefore ?? '?'}; after: ${meta.loadAfter ?? '?'} (other processes share the cores)`,
  `Data: ${meta.data ?? ''}`,
  ...(/\(scale (?!1\))[\d.]+\)/.test(meta.data ?? '')
    ? ['The goals are for scale 1; a smaller scale checks the benchmark itself, not the product.']
    : []),
  `Rounds: ${measured.rounds ?? '?'} × ${measured.seconds ?? '?'} s per side and scenario, interleaved; medians over rounds.`,
  '',
  md,
  '',
  `Phases: ${phases}`,
];
const text = lines.join('\n');
console.log(text);
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('latest.md', dir), `${text}\n`);
const failed = table.filter((r) => r[5] === 'FAIL').length;
const passed = table.filter((r) => r[5] === 'PASS').length;
console.log(`\n${passed} goals met, ${failed} not met${table.some((r) => r[1].startsWith('n/a')) ? ', some not measured' : ''}.`);
