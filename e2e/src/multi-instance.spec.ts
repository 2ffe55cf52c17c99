/**
 * Issue 13 §3: the compiled build as two API instances and two workers behind one round-robin
 * entry point, sharing Postgres, Redis and S3-compatible storage, as a deployment runs it. A flow
 * crosses the instances on purpose (sign in on one, upload through the other, read back through
 * the first), and the guarantees that depend on shared state are checked across them: sessions,
 * the sign-in rate limit, exactly-once e-mail with two workers, delivery after both workers die,
 * and /metrics reporting the outbox backlog meanwhile. The SPAs come from the API itself (one
 * host each) under the production CSP, in Chromium.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@portico/api/src/db/client';
import { insertPortalUser } from '@portico/api/src/db/fixtures';
import { CSRF_HEADER } from '@portico/shared/headers';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaughtMail, env, expectAccessible, launch, makeScenario, PHOTO, STAFF_PASSWORD, VIEWPORTS } from './harness';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const API_DIR = path.join(ROOT, 'api');
/** The tenant's portal password (staff use the harness's STAFF_PASSWORD). */
const PASSWORD = 'multi instance passphrase 2026';
const METRICS_TOKEN = `metrics-${randomUUID()}`;
/** Sign-in attempts per minute per client and account (every attempt counts, good or bad). */
const AUTH_RATE_LIMIT = 6;

function required(name: string) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through \`npm test\``);
  return value;
}
/** Its own database (test.sh creates portico_multi), so its workers never see the main stack's outbox. */
const DATABASE_URL = required('PG_ADMIN_URL').replace(/\/[^/]+$/, '/portico_multi');

/** A free local port, read back from the OS. */
async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitHttp(url: string, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * The entry point: strict round-robin over the API instances, as a load balancer without
 * stickiness does, adding X-Forwarded-* like one. `x-upstream` names the instance that answered,
 * so the test can prove which one served each step.
 */
function startEntry(upstreams: { name: string; port: number }[]) {
  let next = 0;
  const server = createServer((req, res) => {
    const upstream = upstreams[next++ % upstreams.length]!;
    const proxied = httpRequest(
      {
        host: '127.0.0.1',
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1',
          'x-forwarded-host': req.headers.host ?? '',
          'x-forwarded-proto': 'http',
        },
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, { ...upstreamRes.headers, 'x-upstream': upstream.name });
        upstreamRes.pipe(res);
      },
    );
    proxied.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'x-upstream': upstream.name });
      res.end();
    });
    req.pipe(proxied);
  });
  return {
    server,
    /** Which instance the next request goes to. */
    peek: () => upstreams[next % upstreams.length]!.name,
  };
}

type Proc = { name: string; child: ChildProcess; log: string };

describe('several instances behind one entry point', () => {
  const run = mkdtempSync(path.join(tmpdir(), 'portico-multi-'));
  const procs: Proc[] = [];
  const apis: { name: string; port: number }[] = [];
  let entry: ReturnType<typeof startEntry>;
  let entryUrl = '';
  let consoleUrl = '';
  let browser: Browser | undefined;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let baseEnv: Record<string, string>;

  function start(name: string, script: string, extra: Record<string, string> = {}) {
    const log = path.join(run, `${name}.log`);
    const out = createWriteStream(log);
    const child = spawn(process.execPath, ['--enable-source-maps', `dist/${script}.mjs`], {
      cwd: API_DIR,
      env: { ...baseEnv, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(out);
    child.stderr!.pipe(out);
    const proc = { name, child, log };
    procs.push(proc);
    return proc;
  }

  async function stop(proc: Proc, signal: NodeJS.Signals) {
    // A process that ended (exit code) or was killed (signal) has nothing left to stop.
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.child.once('exit', resolve));
    proc.child.kill(signal);
    await exited;
  }

  const logs = () => procs.map((p) => `--- ${p.name}\n${readFileSync(p.log, 'utf8').split('\n').slice(-15).join('\n')}`).join('\n');

  /** The harness's scenario in this test's database, and a portal account for its tenant. */
  async function makeWorld() {
    const scenario = await makeScenario(DATABASE_URL);
    const { db, pool } = createDb(DATABASE_URL, { max: 1 });
    try {
      await insertPortalUser(db, { email: scenario.tenantEmail, name: `Tess Tenant ${scenario.u}`, password: PASSWORD }, [
        { landlordId: scenario.landlord.id, customerId: scenario.customer.id, role: 'main_admin' },
      ]);
    } finally {
      await pool.end();
    }
    return scenario;
  }

  beforeAll(async () => {
    const entryPort = await freePort();
    entryUrl = `http://127.0.0.1:${entryPort}`;
    // Two hostnames on one entry point: the portal on 127.0.0.1, the console on localhost.
    consoleUrl = `http://localhost:${entryPort}`;
    const web = path.join(run, 'web');
    mkdirSync(web);
    symlinkSync(path.join(ROOT, 'tenant-web/dist'), path.join(web, 'tenant'));
    symlinkSync(path.join(ROOT, 'admin-web/dist'), path.join(web, 'admin'));
    baseEnv = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL,
      REDIS_URL: required('REDIS_URL'),
      REDIS_PREFIX: `portico-multi-${randomUUID().slice(0, 8)}`,
      SMTP_URL: required('SMTP_URL'),
      SMS_GATEWAY_URL: required('SMS_GATEWAY_URL'),
      EID_ISSUER: 'http://127.0.0.1:9',
      EID_CLIENT_SECRET: `eid-${randomUUID()}`,
      JWT_SECRET: `jwt-${randomUUID()}-${randomUUID()}`,
      TENANT_WEB_URL: entryUrl,
      ADMIN_WEB_URL: consoleUrl,
      COOKIE_SECURE: 'false',
      TRUST_PROXY: 'loopback',
      WEB_DIST_DIR: web,
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: required('S3_TEST_ENDPOINT'),
      S3_BUCKET: 'portico-multi',
      S3_PREFIX: `run-${randomUUID().slice(0, 8)}/`,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      METRICS_TOKEN,
      AUTH_RATE_LIMIT: String(AUTH_RATE_LIMIT),
      NOTIFY_BACKOFF_MS: '200',
      RELAY_INTERVAL_MS: '100',
    };
    execFileSync(process.execPath, ['dist/migrate.mjs'], { cwd: API_DIR, env: baseEnv, stdio: 'pipe' });
    world = await makeWorld();
    for (const name of ['api-1', 'api-2']) {
      const port = await freePort();
      start(name, 'server', { PORT: String(port) });
      apis.push({ name, port });
    }
    start('worker-1', 'worker');
    start('worker-2', 'worker');
    try {
      await Promise.all(apis.map((a) => waitHttp(`http://127.0.0.1:${a.port}/api/health/ready`)));
    } catch (err) {
      throw new Error(`${err}\n${logs()}`);
    }
    entry = startEntry(apis);
    await new Promise<void>((resolve) => entry.server.listen(entryPort, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(procs.map((p) => stop(p, 'SIGTERM')));
    entry?.server.closeAllConnections();
    await new Promise((resolve) => entry?.server.close(resolve));
  });

  /** A client with its own cookies that talks to the entry point and can ask for a given instance. */
  function client(origin: string) {
    const cookies = new Map<string, string>();
    async function call(
      method: string,
      url: string,
      opts: { on?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
    ) {
      // The entry point is strictly round-robin and this client waits for each answer, so one
      // cheap request moves the turn to the wanted instance.
      if (opts.on && entry.peek() !== opts.on) await fetch(`${origin}/api/health/live`);
      const headers: Record<string, string> = { ...opts.headers };
      if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (method !== 'GET') headers[CSRF_HEADER] = '1';
      let body = opts.body;
      if (opts.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(opts.json);
      }
      const res = await fetch(`${origin}${url}`, { method, headers, body, redirect: 'manual' });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const at = pair!.indexOf('=');
        cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      if (opts.on) expect(res.headers.get('x-upstream'), `${method} ${url}`).toBe(opts.on);
      return res;
    }
    return { call };
  }

  async function mailsTo(to: string, match: (m: CaughtMail) => boolean) {
    const mails = (await (await fetch(`${env.catcherUrl}/api/mails?to=${encodeURIComponent(to)}`)).json()) as CaughtMail[];
    return mails.filter(match);
  }

  async function metric(name: string) {
    const res = await fetch(`${entryUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    // Summed over every series of the name (e.g. one per channel).
    const lines = (await res.text()).split('\n').filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
    expect(lines.length, `${name} in /metrics`).toBeGreaterThan(0);
    return lines.reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
  }

  const tenant = () => client(entryUrl);
  let staff: ReturnType<typeof client>;
  let threadId = '';

  it('signs in on one instance, uploads through the other, reads the file back through the first (S3)', async () => {
    const t = tenant();
    const login = await t.call('POST', '/api/v1/auth/portal/login', {
      on: 'api-1',
      json: { email: world.tenantEmail, password: PASSWORD },
    });
    expect(login.status, await login.clone().text()).toBe(200);

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PHOTO)], { type: 'image/png' }), 'tap.png');
    const upload = await t.call('POST', '/api/v1/portal/uploads', { on: 'api-2', body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const attachment = (await upload.json()) as { id: string };

    const thread = await t.call('POST', '/api/v1/portal/threads', {
      on: 'api-1',
      json: { leaseId: world.lease.id, subject: `Dripping tap ${world.u}`, body: 'The kitchen tap drips.', attachmentIds: [attachment.id] },
    });
    expect(thread.status, await thread.clone().text()).toBe(201);
    threadId = ((await thread.json()) as { id: string }).id;

    const back = await t.call('GET', `/api/v1/portal/attachments/${attachment.id}`, { on: 'api-1' });
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(PHOTO)).toBe(true);

    // Staff on the console's host, through the other instance, read the same object.
    staff = client(consoleUrl);
    const s = staff;
    expect(
      (await s.call('POST', '/api/v1/auth/staff/login', { on: 'api-2', json: { email: world.staff.email, password: STAFF_PASSWORD } }))
        .status,
    ).toBe(200);
    const staffCopy = await s.call('GET', `/api/v1/attachments/${attachment.id}`, { on: 'api-1' });
    expect(staffCopy.status).toBe(200);
    expect(Buffer.from(await staffCopy.arrayBuffer()).equals(PHOTO)).toBe(true);
  });

  it('sends exactly one e-mail for one message while two workers run', async () => {
    const s = staff;
    const text = `We will send a plumber on Monday ${world.u}.`;
    const reply = await s.call('POST', `/api/v1/threads/${threadId}/messages`, { json: { body: text } });
    expect(reply.status, await reply.clone().text()).toBe(201);
    await expect.poll(async () => (await mailsTo(world.tenantEmail, (m) => m.text.includes(text))).length, { timeout: 20_000 }).toBe(1);
    // Both workers poll the outbox several times a second: give a duplicate time to appear.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await mailsTo(world.tenantEmail, (m) => m.text.includes(text))).length).toBe(1);
  });

  it('counts failed sign-ins across instances: the limit holds whichever instance answers', async () => {
    const t = tenant();
    const statuses: string[] = [];
    // An account of its own, so the other steps' sign-ins are not limited by this burst.
    const email = `nobody-${world.u}@e2e.test`;
    for (let i = 0; i <= AUTH_RATE_LIMIT; i++) {
      const res = await t.call('POST', '/api/v1/auth/portal/login', { json: { email, password: 'not the password' } });
      statuses.push(`${res.headers.get('x-upstream')}:${res.status}`);
    }
    // Alternating instances; an in-memory limit would allow 2 × the limit.
    expect(
      statuses.slice(0, AUTH_RATE_LIMIT).every((s) => s.endsWith(':401')),
      statuses.join(' '),
    ).toBe(true);
    expect(statuses[AUTH_RATE_LIMIT], statuses.join(' ')).toMatch(/:429$/);
    expect(new Set(statuses.map((s) => s.split(':')[0])).size).toBe(2);
  });

  it('keeps what is committed while both workers are down, shows it in /metrics, and delivers it after a restart', async () => {
    const unauthorised = await fetch(`${entryUrl}/metrics`);
    expect(unauthorised.status).toBe(401);
    for (const p of procs.filter((p) => p.name.startsWith('worker'))) await stop(p, 'SIGKILL');

    const s = staff;
    const text = `The plumber comes at 10 ${world.u}.`;
    expect((await s.call('POST', `/api/v1/threads/${threadId}/messages`, { json: { body: text } })).status).toBe(201);

    // Every instance reports the shared backlog, whichever one the scrape reaches.
    expect(await metric('portico_outbox_pending')).toBeGreaterThanOrEqual(1);
    expect(await metric('portico_outbox_pending')).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await metric('portico_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(1);
    expect((await mailsTo(world.tenantEmail, (m) => m.text.includes(text))).length).toBe(0);

    start('worker-3', 'worker');
    await expect.poll(async () => (await mailsTo(world.tenantEmail, (m) => m.text.includes(text))).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => metric('portico_outbox_pending'), { timeout: 10_000 }).toBe(0);
  });

  for (const size of ['phone', 'desktop'] as const) {
    it(`serves the portal and the console from the API under their CSP, one host each (${size})`, async () => {
      browser ??= await launch();
      const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'en-GB' });
      try {
        const violations: string[] = [];
        context.on('console', (m) => {
          if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
        });
        const p = await context.newPage();
        const home = await p.goto(`${entryUrl}/login`);
        expect(home?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(home?.headers()['x-content-type-options']).toBe('nosniff');
        await p.getByLabel('E-mail').fill(world.tenantEmail);
        await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
        await p.getByRole('button', { name: 'Sign in', exact: true }).click();
        await p.getByText(`Dripping tap ${world.u}`).first().waitFor();
        await expectAccessible(p, `portal behind the entry point (${size})`);

        const c = await context.newPage();
        await c.goto(`${consoleUrl}/login`);
        await c.getByLabel('E-mail').fill(world.staff.email);
        await c.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
        await c.getByRole('button', { name: 'Sign in', exact: true }).click();
        await c.getByText(`Dripping tap ${world.u}`).first().waitFor();
        expect(violations).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
