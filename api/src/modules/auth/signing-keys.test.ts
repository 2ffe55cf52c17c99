import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp, makeLandlord, signIn } from '../../../test/helpers';
import { loadConfig } from '../../config';
import { DEV_JWT_SECRET, parseSigningKeys } from './signing-keys';

const OLD = 'o'.repeat(40);
const NEW = 'n'.repeat(40);
const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());

describe('signing keys from the environment', () => {
  it('takes JWT_KEYS in order (first signs), else JWT_SECRET as key "default", else the dev key', () => {
    const keys = parseSigningKeys(`k2:${NEW}, k1:${OLD}`, undefined, 'production');
    expect(keys.current).toEqual({ kid: 'k2', secret: NEW });
    expect([...keys.byKid.keys()]).toEqual(['k2', 'k1']);
    expect(parseSigningKeys(undefined, OLD, 'production').current).toEqual({ kid: 'default', secret: OLD });
    expect(parseSigningKeys(undefined, undefined, 'test').current.secret).toBe(DEV_JWT_SECRET);
  });

  it('refuses short secrets, bad or repeated key ids, and the dev key outside development and test', () => {
    expect(() => parseSigningKeys(`k1:short`, undefined, 'test')).toThrow(/at least 32 characters/);
    expect(() => parseSigningKeys(`k 1:${NEW}`, undefined, 'test')).toThrow(/key id/);
    expect(() => parseSigningKeys(`k1:${NEW},k1:${OLD}`, undefined, 'test')).toThrow(/unique/);
    expect(() => parseSigningKeys(undefined, undefined, 'production')).toThrow(/development secret/);
    expect(() => parseSigningKeys(`k1:${DEV_JWT_SECRET}`, undefined, 'production')).toThrow(/development secret/);
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db.internal/portico',
      REDIS_URL: 'redis://cache.internal:6379',
      SMTP_URL: 'smtp://mail.internal:587',
      EID_CLIENT_SECRET: 'a-real-secret-from-the-broker',
    };
    expect(() => loadConfig(production)).toThrow(/JWT_KEYS\/JWT_SECRET/);
    expect(loadConfig({ ...production, JWT_KEYS: `live:${NEW}` }).jwtKeys.current.kid).toBe('live');
  });
});

describe('rotating the signing key', () => {
  it('accepts tokens of a retired key while it is listed, and refuses them once it is removed', async () => {
    const before = await createTestApp({ JWT_KEYS: `k1:${OLD}` });
    const during = await createTestApp({ JWT_KEYS: `k2:${NEW},k1:${OLD}` });
    const after = await createTestApp({ JWT_KEYS: `k2:${NEW}` });
    try {
      const l = await makeLandlord(before.app);
      const signedInBefore = await signIn(before.app, 'staff', l.admin.email);
      const oldToken = signedInBefore.cookies.get('portico_staff_at')!;
      expect(headerOf(oldToken)).toMatchObject({ alg: 'HS256', kid: 'k1' });

      const me = (app: typeof before.app, token: string) =>
        app.inject({ method: 'GET', url: '/api/v1/auth/staff/me', cookies: { portico_staff_at: token } });
      expect((await me(during.app, oldToken)).statusCode).toBe(200);
      // New tokens are signed with the current key and name it.
      const signedInDuring = await signIn(during.app, 'staff', l.admin.email);
      const newToken = signedInDuring.cookies.get('portico_staff_at')!;
      expect(headerOf(newToken).kid).toBe('k2');

      const refused = await me(after.app, oldToken);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.code).toBe('session_expired');
      expect((await me(after.app, newToken)).statusCode).toBe(200);
    } finally {
      await Promise.all([before.close(), during.close(), after.close()]);
    }
  });

  it('refuses an unknown key id, a token without one, and a token that names one key but is signed with another', async () => {
    const app = await createTestApp({ JWT_KEYS: `k2:${NEW},k1:${OLD}` });
    try {
      const l = await makeLandlord(app.app);
      const client = await signIn(app.app, 'staff', l.admin.email);
      const [, payload] = client.cookies.get('portico_staff_at')!.split('.');
      const forge = (header: object, secret: string) => {
        const h = Buffer.from(JSON.stringify(header)).toString('base64url');
        const sig = createHmac('sha256', secret).update(`${h}.${payload}`).digest('base64url');
        return `${h}.${payload}.${sig}`;
      };
      const me = (token: string) => app.app.inject({ method: 'GET', url: '/api/v1/auth/staff/me', cookies: { portico_staff_at: token } });
      // Sanity: a correctly re-signed token passes, so the refusals below are about the key id.
      expect((await me(forge({ alg: 'HS256', typ: 'JWT', kid: 'k1' }, OLD))).statusCode).toBe(200);
      expect((await me(forge({ alg: 'HS256', typ: 'JWT', kid: 'k0' }, OLD))).statusCode).toBe(401);
      expect((await me(forge({ alg: 'HS256', typ: 'JWT' }, NEW))).statusCode).toBe(401);
      expect((await me(forge({ alg: 'HS256', typ: 'JWT', kid: 'k2' }, OLD))).statusCode).toBe(401);
      expect((await me(forge({ alg: 'none', typ: 'JWT', kid: 'k2' }, NEW))).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
