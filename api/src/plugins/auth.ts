import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import { CSRF_HEADER, CUSTOMER_HEADER } from '@portico/shared/headers';
import { pickLocale } from '@portico/shared/locale';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { AppError, forbidden, notFound, unauthenticated } from '../errors';
import { bindActor } from '../log';
import { keyMayReach } from '../modules/api-keys/policy';
import { authenticateKey } from '../modules/api-keys/service';
import type { Audience } from '../modules/auth/repo';
import * as authRepo from '../modules/auth/repo';
import { type IssuedSession, REMEMBER_TTL_DAYS } from '../modules/auth/service';
import { routeAreas } from './api-area';

const ACCESS_TTL_SECONDS = 15 * 60;
const cookieNames = (audience: Audience) => ({ access: `portico_${audience}_at`, refresh: `portico_${audience}_rt` });
const refreshPath = (audience: Audience) => `/api/v1/auth/${audience}`;

/** `sid` names the session family (one device); `strong` says it has used e-ID. */
type AccessClaims = { sub: string; aud: Audience; sid: string; strong: boolean };
type TokenHeader = { kid?: unknown; alg?: unknown };

declare module 'fastify' {
  interface FastifyInstance {
    /** A staff session (cookie) or an integrator's API key (`Authorization: Bearer ptk_…`, issue 10). */
    requireStaff: (request: FastifyRequest, reply?: FastifyReply) => Promise<void>;
    requirePortalUser: (request: FastifyRequest) => Promise<void>;
    requireTenant: (request: FastifyRequest) => Promise<void>;
    setSession: (reply: FastifyReply, audience: Audience, session: IssuedSession) => void;
    /** Replaces only the access token, e.g. after an e-ID step-up when the refresh cookie is not at hand. */
    setAccessToken: (reply: FastifyReply, audience: Audience, claims: { sub: string; sid: string; strong: boolean }) => void;
    clearSession: (reply: FastifyReply, audience: Audience) => void;
    refreshCookie: (request: FastifyRequest, audience: Audience) => string | undefined;
    /** The signed claims of the access cookie, without asking whether the session is still live (sign-out). */
    accessClaims: (request: FastifyRequest, audience: Audience) => AccessClaims | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Counts a key's requests in fixed windows in Redis (shared by every API instance) and sets the
 * IETF draft-ietf-httpapi-ratelimit-headers fields on the reply; over the limit, a 429 with
 * Retry-After (decision 10K4).
 */
async function limitKey(redis: Redis, prefix: string, limit: { max: number; windowSeconds: number }, keyId: string, reply?: FastifyReply) {
  const windowMs = limit.windowSeconds * 1000;
  const now = Date.now();
  const window = Math.floor(now / windowMs);
  const counter = `${prefix}:rl:key:${keyId}:${window}`;
  const result = await redis.multi().incr(counter).pexpire(counter, windowMs).exec();
  const used = Number(result?.[0]?.[1] ?? 0);
  const reset = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
  const remaining = Math.max(0, limit.max - used);
  reply?.header('ratelimit-policy', `"default";q=${limit.max};w=${limit.windowSeconds}`);
  reply?.header('ratelimit', `"default";r=${remaining};t=${reset}`);
  if (used > limit.max) {
    reply?.header('retry-after', String(reset));
    throw new AppError(429, 'api_key_rate_limited', { retryAfter: reset });
  }
}

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { redis: Redis }) => {
    const { config, db } = app;
    await app.register(cookie);
    const { current, byKid } = config.jwtKeys;
    // The current key signs and names itself in the header; verification picks the key by that name.
    await app.register(jwt, {
      secret: current.secret,
      sign: { expiresIn: ACCESS_TTL_SECONDS, kid: current.kid, algorithm: 'HS256' },
      verify: { algorithms: ['HS256'] },
    });

    // A cross-site form or image cannot add a custom header; SameSite cookies are the second fence.
    // An Authorization header cannot be set by a cross-site page either (it needs a CORS
    // preflight), so key requests skip the check; such a request never falls back to cookies.
    app.addHook('onRequest', async (request) => {
      if (request.headers.authorization !== undefined) return;
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== '1') throw forbidden('csrf_failed');
    });

    const base = { httpOnly: true, secure: config.cookieSecure, sameSite: 'strict' as const };

    const setAccessToken = (reply: FastifyReply, audience: Audience, claims: { sub: string; sid: string; strong: boolean }) => {
      const access = app.jwt.sign({ ...claims, aud: audience } satisfies AccessClaims);
      reply.setCookie(cookieNames(audience).access, access, { ...base, path: '/api', maxAge: ACCESS_TTL_SECONDS });
    };
    app.decorate('setAccessToken', setAccessToken);

    app.decorate('setSession', (reply: FastifyReply, audience: Audience, session: IssuedSession) => {
      setAccessToken(reply, audience, { sub: session.userId, sid: session.familyId, strong: session.strong });
      // Not remembered: no Max-Age, so the browser drops the cookie when it closes.
      reply.setCookie(cookieNames(audience).refresh, session.refreshToken, {
        ...base,
        path: refreshPath(audience),
        ...(session.remember ? { maxAge: REMEMBER_TTL_DAYS * 86400 } : {}),
      });
    });

    app.decorate('clearSession', (reply: FastifyReply, audience: Audience) => {
      const names = cookieNames(audience);
      reply.clearCookie(names.access, { ...base, path: '/api' });
      reply.clearCookie(names.refresh, { ...base, path: refreshPath(audience) });
    });

    app.decorate('refreshCookie', (request: FastifyRequest, audience: Audience) => request.cookies[cookieNames(audience).refresh]);

    /** Signature (by the key the header names), expiry and audience; throws a 401 otherwise. */
    function verifyAccess(token: string, audience: Audience): AccessClaims {
      try {
        const { header } = app.jwt.decode<{ header: TokenHeader }>(token, { complete: true })!;
        const key = typeof header.kid === 'string' ? byKid.get(header.kid) : undefined;
        if (!key) throw new Error('unknown key id');
        const decoded = app.jwt.verify<AccessClaims>(token, { key, algorithms: ['HS256'] });
        if (decoded.aud !== audience || typeof decoded.sid !== 'string' || typeof decoded.sub !== 'string') throw new Error('bad claims');
        return decoded;
      } catch {
        throw unauthenticated('session_expired');
      }
    }

    app.decorate('accessClaims', (request: FastifyRequest, audience: Audience) => {
      const token = request.cookies[cookieNames(audience).access];
      if (!token) return undefined;
      try {
        return verifyAccess(token, audience);
      } catch {
        return undefined;
      }
    });

    /**
     * A valid token is not enough: its session family must still be live, so signing out (a device),
     * a password change or reset, and a replayed refresh token end access at once, not at expiry.
     */
    async function claims(request: FastifyRequest, audience: Audience): Promise<AccessClaims> {
      const token = request.cookies[cookieNames(audience).access];
      if (!token) throw unauthenticated();
      const decoded = verifyAccess(token, audience);
      const live = await authRepo.findLiveSession(db, decoded.sid);
      if (!live || live.userId !== decoded.sub || live.audience !== audience) throw unauthenticated('session_expired');
      return decoded;
    }

    /**
     * An API key acts as an admin of its landlord narrowed by its scopes (decision 10K2): the
     * route's area and the method name the scope it needs; a route outside every area refuses keys.
     */
    async function requireKey(request: FastifyRequest, authorization: string, reply?: FastifyReply) {
      const key = await authenticateKey({ db }, authorization).catch((err: unknown) => {
        // RFC 6750: a refused bearer token says so, for clients that look at the header.
        reply?.header('www-authenticate', 'Bearer realm="portico", error="invalid_token"');
        throw err;
      });
      if (!request.headers['accept-language']) request.locale = key.defaultLocale;
      await limitKey(opts.redis, config.redisPrefix, config.apiKeyRateLimit, key.id, reply);
      const areas = routeAreas(request.routeOptions.config, request.params as Record<string, string | undefined>);
      const verdict = keyMayReach(key.scopes, areas, request.method);
      if (!verdict.ok) {
        if (verdict.reason === 'not_allowed') throw forbidden('api_key_not_allowed');
        throw new AppError(403, 'api_key_scope_missing', { scope: verdict.scope });
      }
      request.staff = {
        kind: 'staff',
        id: key.createdBy,
        landlordId: key.landlordId,
        role: 'admin',
        name: key.name,
        email: '',
        apiKey: { id: key.id, name: key.name, scopes: key.scopes },
      };
      bindActor(request, { landlordId: key.landlordId, actor: 'api_key' });
    }

    app.decorate('requireStaff', async (request: FastifyRequest, reply?: FastifyReply) => {
      const authorization = request.headers.authorization;
      if (authorization !== undefined) return requireKey(request, authorization, reply);
      const { sub, sid } = await claims(request, 'staff');
      request.sessionFamilyId = sid;
      const row = await authRepo.findStaff(db, { id: sub });
      if (!row) throw unauthenticated();
      // Deactivation ends the sessions in its transaction; this holds even for one started since.
      if (row.user.deactivatedAt) throw unauthenticated('session_expired');
      const { user, landlord } = row;
      request.staff = { kind: 'staff', id: user.id, landlordId: landlord.id, role: user.role, name: user.name, email: user.email };
      bindActor(request, { landlordId: landlord.id, actor: 'staff' });
      request.locale = user.locale ?? landlord.defaultLocale;
    });

    // The tenant scope is for people only: a request with any Authorization header is refused.
    const refuseKey = (request: FastifyRequest) => {
      if (request.headers.authorization !== undefined) throw unauthenticated('api_key_not_allowed');
    };

    app.decorate('requirePortalUser', async (request: FastifyRequest) => {
      refuseKey(request);
      const { sub, sid, strong } = await claims(request, 'portal');
      request.portalUserId = sub;
      request.sessionFamilyId = sid;
      request.strongAuth = strong === true;
      // A person may belong to several landlords: no landlord until a route picks a customer.
      bindActor(request, { actor: 'portal_user' });
    });

    // Acts for the customer named in the header, or the person's first one. One query: session
    // liveness, the person and that one membership (decision 8M3).
    app.decorate('requireTenant', async (request: FastifyRequest) => {
      refuseKey(request);
      const token = request.cookies[cookieNames('portal').access];
      if (!token) throw unauthenticated();
      const { sub, sid, strong } = verifyAccess(token, 'portal');
      const wanted = request.headers[CUSTOMER_HEADER];
      const row = await authRepo.findTenantContext(db, {
        familyId: sid,
        customerId: typeof wanted === 'string' && wanted ? wanted : undefined,
      });
      if (!row || row.user_id !== sub || row.audience !== 'portal') throw unauthenticated('session_expired');
      request.sessionFamilyId = sid;
      request.strongAuth = strong === true;
      if (!row.portal_user_id) throw unauthenticated();
      // No membership at all (or only with portals switched off): the portal is off for this person.
      if (!row.customer_id || !row.landlord_id || !row.role) {
        // Only on this failure path: a tenant outside the landlord's pilot hears that, not "switched off".
        const outside = await authRepo.countMembershipsOutsidePilot(db, row.portal_user_id);
        throw forbidden(outside > 0 ? 'portal_not_in_pilot' : 'portal_disabled');
      }
      // The first membership came back: the one the header named is not theirs.
      if (typeof wanted === 'string' && wanted && row.customer_id !== wanted) throw notFound('customer');
      request.portalUserId = row.portal_user_id;
      request.tenant = {
        kind: 'tenant',
        id: row.portal_user_id,
        name: row.name ?? '',
        email: row.email ?? '',
        customerId: row.customer_id,
        landlordId: row.landlord_id,
        role: row.role,
        invoicesRequireStrongAuth: row.invoices_require_strong_auth === true,
      };
      bindActor(request, { landlordId: row.landlord_id, actor: 'tenant' });
      request.locale = row.locale ?? row.default_locale ?? request.locale;
    });

    app.addHook('onRequest', async (request) => {
      request.locale = pickLocale(request.headers['accept-language'], config.defaultLocale);
    });
  },
  { name: 'auth', dependencies: ['infra'] },
);
