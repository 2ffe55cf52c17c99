import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The policy of every API response: JSON loads nothing and is framed by nobody. Attachments
 * (files routes) and the docs UI (`DOCS_CSP`) replace it with their own.
 */
const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

/** swagger-ui-dist (in @fastify/swagger-ui 6.1.3): the one <style> element its bundle creates. */
const SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/**
 * The docs UI (@fastify/swagger-ui `staticCSP`): its scripts, styles, fonts and the spec all come
 * from this origin; the logo and icons are data: URLs. No inline script is needed (its
 * initializer is a file), and no third-party host is allowed (the validator badge is off).
 * Checked in Chromium: the page renders and expands operations with no CSP violation.
 */
export const DOCS_CSP = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  // The bundle injects one fixed <style> element at start-up; its hash (as Chromium reports it)
  // lets exactly that one in. Any other inline style stays blocked.
  'style-src': ["'self'", SWAGGER_UI_STYLE_HASH],
};

/** Helmet with a CSP on everything, and `Cache-Control: no-store` on anything that did not choose its own caching. */
export const securityHeadersPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
      crossOriginResourcePolicy: { policy: 'same-origin' },
    });
    // Responses are personal (cases, names, invoices) unless a route says otherwise (attachments
    // cache privately; the docs' static files are public): no shared or browser cache keeps them.
    app.addHook('onSend', async (_request, reply, payload) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });
  },
  { name: 'security-headers' },
);
