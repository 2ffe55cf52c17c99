#!/usr/bin/env node
/**
 * SPA weight and speed: JS (gzip bytes on the wire) and LCP of the tenant portal's login page and
 * first page after sign-in, and the JS of the console's login page, at a phone viewport with a 4×
 * CPU throttle, against the production build served by `vite preview` (gzip on, as vite serves it).
 *
 * Builds nothing: expects tenant-web/dist and admin-web/dist (`pnpm --filter @portico/tenant-web
 * --filter @portico/admin-web build`). Needs a running API and a portal user:
 *
 *   API_URL=http://127.0.0.1:3000 PORTAL_EMAIL=karin.holm@example.se PORTAL_PASSWORD=Portico-Demo-2026 \
 *     node bench/spa.mjs
 *
 * Env: RUNS (default 5), TENANT_DIST / ADMIN_DIST (another build to serve, e.g. a copy of an older one), CHROMIUM_PATH (default /usr/bin/chromium), CPU_THROTTLE (default 4),
 * LOCALE (browser language, default sv-SE). Prints ONE JSON line on stdout (medians over the runs):
 *   {"tenant":{"loginJsGzipKB","afterSignInJsGzipKB","afterSignInCumulativeJsGzipKB",
 *     "afterSignInIncrementalJsGzipKB","loginLcpMs","homeLcpMs","loginCssGzipKB"},
 *    "admin":{"loginJsGzipKB"}}
 * `afterSignInJsGzipKB` is the JS a fresh load of the first page after sign-in needs (the page's
 * initial JS); `…Cumulative…` is everything loaded from opening /login to that page after signing
 * in, `…Incremental…` the part of it that signing in added. A readable table goes to stderr.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'e2e', 'package.json'));
const { chromium } = require('playwright-core');

const API_URL = need('API_URL');
const PORTAL_EMAIL = need('PORTAL_EMAIL');
const PORTAL_PASSWORD = need('PORTAL_PASSWORD');
const RUNS = Number(process.env.RUNS ?? 5);
const CPU_THROTTLE = Number(process.env.CPU_THROTTLE ?? 4);
const LOCALE = process.env.LOCALE ?? 'sv-SE';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: LOCALE };

function need(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`bench/spa.mjs: set ${name} (see the comment at the top of this file)`);
    process.exit(2);
  }
  return value;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const children = [];
async function preview(app) {
  const dir = path.join(ROOT, app);
  const dist = path.resolve(dir, process.env[app === 'tenant-web' ? 'TENANT_DIST' : 'ADMIN_DIST'] ?? 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist} is missing: build the SPAs first`);
  const port = await freePort();
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist];
  const child = spawn(path.join(dir, 'node_modules', '.bin', 'vite'), args, {
    cwd: dir,
    env: { ...process.env, PORTICO_API_URL: API_URL, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  // The preview server sends 127.0.0.1 on to localhost (one origin for cookies): use localhost.
  const url = `http://localhost:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) return url;
    } catch {}
    if (Date.now() > until) throw new Error(`vite preview for ${app} did not answer on ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopChildren() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', stopChildren);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

/** Records every script and stylesheet response of a page: URL and encoded (gzip) body bytes. */
function recordAssets(page) {
  const assets = [];
  page.on('requestfinished', (request) => {
    const type = request.resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    assets.push(request.sizes().then((sizes) => ({ type, url: new URL(request.url()).pathname, bytes: sizes.responseBodySize })));
  });
  return async () => Promise.all(assets);
}

const sum = (assets, type) => assets.filter((a) => a.type === type).reduce((n, a) => n + a.bytes, 0);
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

// Largest Contentful Paint of the current document, as the browser reports it (buffered entries).
const LCP_SCRIPT = `(() => {
  window.__lcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.renderTime || entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
})();`;

async function throttled(context) {
  await context.addInitScript(LCP_SCRIPT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  return page;
}

async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 30_000 });
  // LCP entries are queued after paint: give the observer a moment, then read the last one.
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__lcp);
}

async function tenantRun(browser, tenantUrl) {
  const context = await browser.newContext(PHONE);
  const page = await throttled(context);
  const assets = recordAssets(page);
  await page.goto(`${tenantUrl}/login`);
  const loginLcp = await settle(page);
  const atLogin = await assets();

  await page.locator('input[autocomplete="username"]').fill(PORTAL_EMAIL);
  await page.locator('input[autocomplete="current-password"]').fill(PORTAL_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
  const home = new URL(page.url()).pathname;
  await settle(page);
  const afterSignIn = await assets();
  const state = await context.storageState();
  await context.close();

  // The first page after sign-in on a fresh load: signed in (cookies, stored customer), empty cache.
  const fresh = await browser.newContext({ ...PHONE, storageState: state });
  const freshPage = await throttled(fresh);
  const freshAssets = recordAssets(freshPage);
  await freshPage.goto(`${tenantUrl}${home}`);
  const homeLcp = await settle(freshPage);
  if (new URL(freshPage.url()).pathname !== home) throw new Error(`fresh load of ${home} ended at ${freshPage.url()} (not signed in?)`);
  const atHome = await freshAssets();
  await fresh.close();

  const incremental = afterSignIn.slice(atLogin.length);
  return {
    home,
    loginJs: sum(atLogin, 'script'),
    loginCss: sum(atLogin, 'stylesheet'),
    cumulativeJs: sum(afterSignIn, 'script'),
    incrementalJs: sum(incremental, 'script'),
    homeJs: sum(atHome, 'script'),
    loginLcp,
    homeLcp,
    files: { login: atLogin, signIn: incremental, home: atHome },
  };
}

async function adminRun(browser, adminUrl) {
  const context = await browser.newContext(PHONE);
  const page = await throttled(context);
  const assets = recordAssets(page);
  await page.goto(`${adminUrl}/login`);
  const lcp = await settle(page);
  const loaded = await assets();
  await context.close();
  return { loginJs: sum(loaded, 'script'), loginCss: sum(loaded, 'stylesheet'), lcp, files: loaded };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function table(title, files) {
  const lines = [`  ${title}`];
  for (const f of [...files].sort((a, b) => b.bytes - a.bytes))
    lines.push(`    ${kb(f.bytes).toFixed(1).padStart(7)} kB  ${f.type === 'script' ? 'js ' : 'css'} ${f.url}`);
  lines.push(`    ${kb(sum(files, 'script')).toFixed(1).padStart(7)} kB  js in all`);
  return lines.join('\n');
}

const [tenantUrl, adminUrl] = await Promise.all([preview('tenant-web'), preview('admin-web')]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const tenant = [];
  const admin = [];
  for (let i = 0; i < RUNS; i++) {
    tenant.push(await tenantRun(browser, tenantUrl));
    admin.push(await adminRun(browser, adminUrl));
    const t = tenant.at(-1);
    console.error(
      `run ${i + 1}/${RUNS}: login ${kb(t.loginJs)} kB, LCP ${Math.round(t.loginLcp)} ms; ${t.home} ${kb(t.homeJs)} kB, LCP ${Math.round(t.homeLcp)} ms`,
    );
  }
  const m = (list, key) => median(list.map((r) => r[key]));
  const result = {
    tenant: {
      loginJsGzipKB: kb(m(tenant, 'loginJs')),
      afterSignInJsGzipKB: kb(m(tenant, 'homeJs')),
      afterSignInCumulativeJsGzipKB: kb(m(tenant, 'cumulativeJs')),
      afterSignInIncrementalJsGzipKB: kb(m(tenant, 'incrementalJs')),
      loginLcpMs: Math.round(m(tenant, 'loginLcp')),
      homeLcpMs: Math.round(m(tenant, 'homeLcp')),
      loginCssGzipKB: kb(m(tenant, 'loginCss')),
    },
    admin: { loginJsGzipKB: kb(m(admin, 'loginJs')), loginCssGzipKB: kb(m(admin, 'loginCss')), loginLcpMs: Math.round(m(admin, 'lcp')) },
  };
  const last = tenant.at(-1);
  console.error(
    [
      `SPA sizes (gzip on the wire, last run; ${RUNS} runs, phone 390×844, CPU ÷${CPU_THROTTLE}):`,
      table('tenant /login', last.files.login),
      table(`tenant sign-in → ${last.home} (added)`, last.files.signIn),
      table(`tenant ${last.home} (fresh load, signed in)`, last.files.home),
      table('admin /login', admin.at(-1).files),
      `  medians: tenant login ${result.tenant.loginJsGzipKB} kB JS, LCP ${result.tenant.loginLcpMs} ms; ${last.home} ${result.tenant.afterSignInJsGzipKB} kB JS (cumulative ${result.tenant.afterSignInCumulativeJsGzipKB}, added ${result.tenant.afterSignInIncrementalJsGzipKB}), LCP ${result.tenant.homeLcpMs} ms; admin login ${result.admin.loginJsGzipKB} kB JS`,
    ].join('\n'),
  );
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  stopChildren();
}
