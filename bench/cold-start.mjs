#!/usr/bin/env node
// API cold start: spawns the compiled server (`node --enable-source-maps api/dist/server.mjs`) on a
// free port, polls GET /api/health/ready until the first 200, reads the process's resident memory
// then, stops it, and prints one JSON line: { "coldStartMs": n, "rssMiB": n, "cpuMs": n }.
//
//   node bench/cold-start.mjs               one start
//   node bench/cold-start.mjs --runs 5      five starts; prints the medians (and every sample)
//   node bench/cold-start.mjs --tsx         the sources through tsx instead (for comparison)
//
// DATABASE_URL, REDIS_URL, REDIS_PREFIX, NODE_ENV… come from the environment (the server's own
// config reads them); PORT is picked here, LOG_LEVEL defaults to warn. Build first: `pnpm build`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API = path.join(ROOT, 'api');
const TIMEOUT_MS = 30_000;
const POLL_MS = 10;

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
const viaTsx = args.includes('--tsx');
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs needs a whole number ≥ 1');
  process.exit(2);
}

const entry = viaTsx ? ['--import', 'tsx', 'src/server.ts'] : ['--enable-source-maps', 'dist/server.mjs'];
if (!viaTsx && !existsSync(path.join(API, 'dist/server.mjs'))) {
  console.error('api/dist/server.mjs is missing: run `pnpm build` first');
  process.exit(2);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resident set size in MiB (Linux /proc; `ps` elsewhere). */
function rssMiB(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    if (kb) return kb / 1024;
  } catch {}
  return null;
}

/** CPU time (user + system) the process has used so far, in ms (Linux /proc; null elsewhere). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function once() {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  let output = '';
  const t0 = performance.now();
  const child = spawn(process.execPath, entry, { cwd: API, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const url = `http://127.0.0.1:${port}/api/health/ready`;
  try {
    for (;;) {
      if (exited) throw new Error(`server exited (${exited.code ?? exited.signal}) before it was ready:\n${output}`);
      if (performance.now() - t0 > TIMEOUT_MS) throw new Error(`not ready within ${TIMEOUT_MS} ms:\n${output}`);
      const ok = await fetch(url).then(
        (r) => r.arrayBuffer().then(() => r.status === 200),
        () => false,
      );
      if (ok) break;
      await sleep(POLL_MS);
    }
    const coldStartMs = performance.now() - t0;
    const cpu = cpuMs(child.pid);
    // Memory once the process has settled after answering (what it holds, not a passing peak).
    await sleep(200);
    const rss = rssMiB(child.pid);
    return { coldStartMs, rssMiB: rss, cpuMs: cpu };
  } finally {
    if (!exited) {
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([done, sleep(5000)]);
      if (!exited) child.kill('SIGKILL');
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (n) => (n == null ? null : Math.round(n * 10) / 10);

try {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  const result = {
    coldStartMs: Math.round(median(samples.map((s) => s.coldStartMs))),
    rssMiB: round(median(samples.map((s) => s.rssMiB ?? Number.NaN))),
    // CPU time to the first 200: unlike the wall time, barely moved by other load on the machine.
    cpuMs: Math.round(median(samples.map((s) => s.cpuMs ?? Number.NaN))),
  };
  if (runs > 1) result.samples = samples.map((s) => ({ coldStartMs: Math.round(s.coldStartMs), rssMiB: round(s.rssMiB), cpuMs: s.cpuMs }));
  console.log(JSON.stringify(result));
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
