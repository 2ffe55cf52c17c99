import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers';
import { consoleHostMatcher, inlineScriptHashes, spaCsp } from './web';

// createTestApp's TENANT_WEB_URL is http://tenant.test, ADMIN_WEB_URL http://admin.test.
const BOOT = 'window.__boot=1;';
/** sha256 of BOOT, base64 (as `openssl dgst -sha256 -binary | base64` gives it). */
const BOOT_HASH = "'sha256-sTxpoo7hV6zhrqyrLZXJSpuRVxb9l17F0O/0j7W5vBE='";

let dist: string;
function writeDist() {
  dist = mkdtempSync(path.join(os.tmpdir(), 'portico-web-'));
  const spa = (name: string, inline: string) => {
    mkdirSync(path.join(dist, name, 'assets'), { recursive: true });
    writeFileSync(
      path.join(dist, name, 'index.html'),
      `<!doctype html><html><head>${inline}<script type="module" crossorigin src="/assets/index-${name}1.js"></script></head><body><div id="root"></div>${name.toUpperCase()} INDEX</body></html>`,
    );
    writeFileSync(path.join(dist, name, 'assets', `index-${name}1.js`), `console.log('${name}');`);
    writeFileSync(path.join(dist, name, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(dist, name, '.env'), 'DOTFILE SECRET');
  };
  spa('tenant', `<script>${BOOT}</script>`);
  spa('admin', '');
  writeFileSync(path.join(dist, 'tenant', 'manifest.webmanifest'), '{"name":"Portico"}');
  writeFileSync(path.join(dist, 'secret.txt'), 'OUTSIDE SECRET');
}

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
beforeAll(async () => {
  writeDist();
  t = await createTestApp({ WEB_DIST_DIR: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (app: TestApp['app'], url: string, host = 'tenant.test', headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { host, ...headers } });

describe('the SPAs served by the API (WEB_DIST_DIR)', () => {
  it('routes by host: the console host gets the console, every other host the portal', async () => {
    expect((await get(t.app, '/', 'admin.test')).body).toContain('ADMIN INDEX');
    expect((await get(t.app, '/', 'tenant.test')).body).toContain('TENANT INDEX');
    expect((await get(t.app, '/', 'anything-else.example')).body).toContain('TENANT INDEX');
    expect((await get(t.app, '/assets/index-admin1.js', 'admin.test')).body).toBe("console.log('admin');");
    // Each SPA only has its own files.
    expect((await get(t.app, '/assets/index-admin1.js', 'tenant.test')).statusCode).toBe(404);
    // A default port in the Host header is the same host.
    expect((await get(t.app, '/', 'ADMIN.test:80')).body).toContain('ADMIN INDEX');
  });

  it('hashed assets are cached for a year; index.html and unhashed files are revalidated', async () => {
    const asset = await get(t.app, '/assets/index-tenant1.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/manifest.webmanifest', '/favicon.svg']) {
      const res = await get(t.app, url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers.etag, url).toBeTruthy();
    }
  });

  it('answers index.html for any other page path (SPA fallback), but not for a missing asset', async () => {
    for (const url of ['/login', '/cases/123?tab=messages', '/deep/nested/route/', '/favicon.svg/x']) {
      const res = await get(t.app, url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain('TENANT INDEX');
    }
    const gone = await get(t.app, '/assets/index-old999.js');
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('unknown /api paths keep the JSON 404, and other methods are not served', async () => {
    for (const url of ['/api/v1/nothing-here', '/api', '/api/', '/api/v2/x']) {
      const res = await get(t.app, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/application\/json/);
      expect(res.json(), url).toMatchObject({ error: { code: 'not_found' } });
    }
    const post = await t.app.inject({ method: 'POST', url: '/login', headers: { host: 'tenant.test', 'x-portico-csrf': '1' } });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ error: { code: 'not_found' } });
    // API routes still answer as before.
    expect((await get(t.app, '/api/health/live')).statusCode).toBe(200);
  });

  it('SPA responses carry the SPA policy (with the inline script hash) and the security headers', async () => {
    const page = await get(t.app, '/login');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`script-src 'self' ${BOOT_HASH};`);
    for (const directive of [
      "default-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "manifest-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('DENY');
    // http://tenant.test is not local, so cookies are Secure and HSTS is on.
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // The console's index.html has no inline script: no hash at all.
    const console = await get(t.app, '/', 'admin.test');
    expect(String(console.headers['content-security-policy'])).toContain("script-src 'self';");
    // Assets carry the same headers.
    expect((await get(t.app, '/assets/index-tenant1.js')).headers['content-security-policy']).toBe(csp);
    // The API keeps its own policy.
    expect((await get(t.app, '/api/v1/nothing-here')).headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
  });

  it('never serves a file outside the SPA, nor a dotfile', async () => {
    for (const url of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
      '/%E0%A4%A',
      '/.env',
      '/assets/%2e%2e/.env',
    ]) {
      const res = await get(t.app, url);
      expect(res.body, url).not.toMatch(/SECRET/);
      expect([200, 400, 403, 404], url).toContain(res.statusCode);
    }
    // A dotfile is not a page either: it gets the fallback, never its content.
    expect((await get(t.app, '/.env')).body).toContain('TENANT INDEX');
  });

  it('leaves the API docs as they were: the SPA route is not in the OpenAPI document', async () => {
    const spec = await get(t.app, '/api/v1/openapi.json');
    expect(spec.statusCode).toBe(200);
    const paths = Object.keys(spec.json().paths);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !p.startsWith('/api/'))).toEqual([]);
    const docs = await get(t.app, '/api/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).not.toContain('TENANT INDEX');
  });

  it('answers HEAD like GET without a body', async () => {
    const page = await t.app.inject({ method: 'HEAD', url: '/some/page', headers: { host: 'admin.test' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toBe('');
    const asset = await t.app.inject({ method: 'HEAD', url: '/assets/index-tenant1.js', headers: { host: 'tenant.test' } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('');
  });

  it('believes X-Forwarded-Host only from a trusted proxy', async () => {
    // Not trusted (the default): the Host header decides.
    expect((await get(t.app, '/', 'tenant.test', { 'x-forwarded-host': 'admin.test' })).body).toContain('TENANT INDEX');
    const proxied = await createTestApp({ WEB_DIST_DIR: dist, TRUST_PROXY: '1', COOKIE_SECURE: 'false' });
    try {
      expect((await get(proxied.app, '/', 'api-1:3000', { 'x-forwarded-host': 'admin.test' })).body).toContain('ADMIN INDEX');
      // COOKIE_SECURE off: no HSTS on a plain-http deployment.
      expect((await get(proxied.app, '/')).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });
});

describe('without WEB_DIST_DIR', () => {
  it('serves no page at all', async () => {
    const api = await createTestApp();
    try {
      for (const url of ['/', '/login', '/assets/index-tenant1.js']) {
        const res = await get(api.app, url);
        expect(res.statusCode, url).toBe(404);
        expect(res.json(), url).toMatchObject({ error: { code: 'not_found' } });
      }
    } finally {
      await api.close();
    }
  });

  it('refuses to start when the directory has no built SPA', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'portico-web-empty-'));
    try {
      await expect(createTestApp({ WEB_DIST_DIR: empty })).rejects.toThrow(/WEB_DIST_DIR: .*tenant.*index\.html does not exist/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('helpers', () => {
  it('hashes every inline script and skips scripts with a src', () => {
    expect(inlineScriptHashes(`<script>${BOOT}</script><script type="module" src="/a.js"></script><script>${BOOT}</script>`)).toEqual([
      BOOT_HASH,
    ]);
    expect(inlineScriptHashes('<script>alert(1)</script>')).toEqual(["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]);
    expect(spaCsp('<p>no scripts</p>')).toContain("script-src 'self';");
  });

  it('tells console from portal by port when both share a hostname', () => {
    const isConsole = consoleHostMatcher('http://localhost:8081', 'http://localhost:8080');
    const req = (host: string) => ({ host, hostname: host.split(':')[0] }) as never;
    expect(isConsole(req('localhost:8081'))).toBe(true);
    expect(isConsole(req('localhost:8080'))).toBe(false);
    expect(isConsole(req('localhost'))).toBe(false);
    const byName = consoleHostMatcher('https://console.example.com', 'https://portal.example.com');
    expect(byName(req('console.example.com:8443'))).toBe(true);
    expect(byName(req('portal.example.com'))).toBe(false);
  });
});
