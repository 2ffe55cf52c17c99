import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import { CSRF_HEADER, CUSTOMER_HEADER } from '@portico/shared/headers';
import { pickLocale } from '@portico/shared/locale';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden, notFound, unauthenticated } from '../errors';
import type { Audience } from '../modules/auth/repo';
import * as authRepo from '../modules/auth/repo';
import { type IssuedSession, REMEMBER_TTL_DAYS } from '../modules/auth/service';

const ACCESS_TTL_SECONDS = 15 * 60;
const cookieNames = (audience: Audience) => ({ access: `portico_${audience}_at`, refresh: `portico_${audience}_rt` });
const refreshPath = (audience: Audience) => `/api/v1/auth/${audience}`;

/** `sid` names the session family (one device); `strong` says it has used e-ID. */
type AccessClaims = { sub: string; aud: Audience; sid: string; strong: boolean };
type TokenHeader = { kid?: unknown; alg?: unknown };

declare module 'fastify' {
  interface FastifyInstance {
    requireStaff: (request: FastifyRequest) => Promise<void>;
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

export const authPlugin = fp(
  async (app: FastifyInstance) => {
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
    app.addHook('onRequest', async (request) => {
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

    app.decorate('requireStaff', async (request: FastifyRequest) => {
      const { sub, sid } = await claims(request, 'staff');
      request.sessionFamilyId = sid;
      const row = await authRepo.findStaff(db, { id: sub });
      if (!row) throw unauthenticated();
      // Deactivation ends the sessions in its transaction; this holds even for one started since.
      if (row.user.deactivatedAt) throw unauthenticated('session_expired');
      const { user, landlord } = row;
      request.staff = { kind: 'staff', id: user.id, landlordId: landlord.id, role: user.role, name: user.name, email: user.email };
      request.locale = user.locale ?? landlord.defaultLocale;
    });

    app.decorate('requirePortalUser', async (request: FastifyRequest) => {
      const { sub, sid, strong } = await claims(request, 'portal');
      request.portalUserId = sub;
      request.sessionFamilyId = sid;
      request.strongAuth = strong === true;
    });

    // Acts for the customer named in the header, or the person's first one. One query: session
    // liveness, the person and that one membership (decision 8M3).
    app.decorate('requireTenant', async (request: FastifyRequest) => {
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
      request.locale = row.locale ?? row.default_locale ?? request.locale;
    });

    app.addHook('onRequest', async (request) => {
      request.locale = pickLocale(request.headers['accept-language'], config.defaultLocale);
    });
  },
  { name: 'auth', dependencies: ['infra'] },
);
