import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The built SPAs from WEB_DIST_DIR (issue 13): `<dir>/admin` for requests whose Host is
 * ADMIN_WEB_URL's, `<dir>/tenant` for every other host, each on the same origin as its /api, so
 * SameSite=Strict cookies and the e-ID redirect keep working. Registered after every API route:
 * `/api/...` never reaches the SPAs (an unknown API path stays the JSON 404). See docs/deploy.md.
 *
 * - Only files listed at start-up are served (the dist is immutable in the image); anything else,
 *   including every `..` or encoded trick, is not a file, so it gets the fallback.
 * - `/assets/*` (Vite's content-hashed output) is cached for a year, immutable; index.html and the
 *   other unhashed files (manifest, icons) are `no-cache` (revalidated through their ETag).
 * - SPA fallback: GET/HEAD of any other path outside /api answers index.html (200); a missing
 *   `/assets/...` file is a 404, so a stale tab asking for an old chunk fails fast instead of
 *   parsing HTML as JavaScript.
 * - A CSP the built SPAs run under: scripts from this origin plus, by hash, the inline scripts of
 *   that SPA's index.html (the portal's boot script, issue 8), computed here at start-up from the
 *   file; styles `'unsafe-inline'` because Mantine injects `<style>` elements at run time.
 */

/** Where one SPA's files are and how to answer with them. */
interface Spa {
  name: 'tenant' | 'admin';
  root: string;
  /** Every servable file, `/`-separated and relative to root, e.g. `assets/index-abc123.js`. */
  files: Set<string>;
  csp: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const HSTS = 'max-age=31536000; includeSubDomains';

/** The sha256 CSP source of each inline `<script>` (no src) in an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.push(
      `'sha256-${createHash('sha256')
        .update(match[2] ?? '', 'utf8')
        .digest('base64')}'`,
    );
  }
  return [...new Set(hashes)];
}

/** The Content-Security-Policy of an SPA whose index.html is `html`. */
export function spaCsp(html: string): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inlineScriptHashes(html)],
    'script-src-attr': ["'none'"],
    // Mantine (and its prerendered markup) sets style elements and attributes at run time; a hash
    // cannot list them, and a hash here would switch 'unsafe-inline' off. Styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'manifest-src': ["'self'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Every regular file under `root` (no dotfiles), relative and `/`-separated. */
function listFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(root, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

function loadSpa(distDir: string, name: Spa['name']): Spa {
  const root = path.resolve(distDir, name);
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) throw new Error(`WEB_DIST_DIR: ${index} does not exist (build the SPAs into ${distDir}/{tenant,admin})`);
  return { name, root, files: new Set(listFiles(root)), csp: spaCsp(readFileSync(index, 'utf8')) };
}

/** The request path without the query, percent-decoded; undefined when it is not a clean path. */
function requestPath(url: string): string | undefined {
  const raw = url.split('?', 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  return decoded;
}

/** `host` of a URL, or of a Host header, in lower case with the scheme's default port left out. */
function normaliseHost(host: string, protocol: string): string {
  const h = host.toLowerCase();
  if (protocol === 'http:' && h.endsWith(':80')) return h.slice(0, -3);
  if (protocol === 'https:' && h.endsWith(':443')) return h.slice(0, -4);
  return h;
}

/**
 * Tells the console's requests from the portal's. When the two URLs have different hostnames
 * (portal.example.com, console.example.com) the hostname decides, whatever port a proxy passes on;
 * when they share it (two ports on one host) the port decides too.
 */
export function consoleHostMatcher(adminWebUrl: string, tenantWebUrl: string): (request: FastifyRequest) => boolean {
  const admin = new URL(adminWebUrl);
  const tenant = new URL(tenantWebUrl);
  if (admin.hostname.toLowerCase() !== tenant.hostname.toLowerCase()) {
    const hostname = admin.hostname.toLowerCase();
    return (request) => request.hostname.toLowerCase() === hostname;
  }
  const host = normaliseHost(admin.host, admin.protocol);
  return (request) => normaliseHost(request.host, admin.protocol) === host;
}

export const webPlugin = fp(
  async (app: FastifyInstance) => {
    const { webDistDir, adminWebUrl, tenantWebUrl, cookieSecure } = app.config;
    if (!webDistDir) return;
    const spas = { tenant: loadSpa(webDistDir, 'tenant'), admin: loadSpa(webDistDir, 'admin') };
    const isConsole = consoleHostMatcher(adminWebUrl, tenantWebUrl);

    // Only the reply.sendFile decorator (ETag, Last-Modified, ranges, HEAD, content types): which
    // file is served is decided below, from the lists above.
    await app.register(fastifyStatic, { root: spas.tenant.root, serve: false });

    const setHeaders = (reply: FastifyReply, spa: Spa, cacheControl: string) => {
      reply.header('content-security-policy', spa.csp);
      reply.header('cache-control', cacheControl);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('x-frame-options', 'DENY');
      if (cookieSecure) reply.header('strict-transport-security', HSTS);
      else reply.removeHeader('strict-transport-security');
    };

    const serve = async (request: FastifyRequest, reply: FastifyReply) => {
      const pathname = requestPath(request.url);
      // Unknown API paths (and anything that is not a clean path) get the API's JSON 404.
      if (!pathname || pathname === '/api' || pathname.startsWith('/api/')) return reply.callNotFound();
      const spa = isConsole(request) ? spas.admin : spas.tenant;
      const file = pathname.slice(1);
      const options = { cacheControl: false, dotfiles: 'deny' as const, index: false as const };
      if (file && file !== 'index.html' && spa.files.has(file)) {
        setHeaders(reply, spa, file.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
        return reply.sendFile(file, spa.root, options);
      }
      if (pathname.startsWith('/assets/')) return reply.callNotFound();
      setHeaders(reply, spa, REVALIDATE);
      return reply.sendFile('index.html', spa.root, options);
    };

    app.get('/*', { schema: { hide: true } }, serve);
  },
  { name: 'web' },
);
