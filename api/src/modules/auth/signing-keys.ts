/**
 * Keys that sign access tokens. The first is current (signs new tokens); the others only verify,
 * so a retired key keeps its tokens valid until they expire (15 minutes) and can then be removed.
 * Each token names its key in the header (`kid`); a token naming a key we no longer hold is refused.
 */
export type SigningKey = { kid: string; secret: string };
export type SigningKeys = { current: SigningKey; byKid: ReadonlyMap<string, string> };

/** Public in this repository, so only development and test may sign with it. */
export const DEV_JWT_SECRET = 'portico-development-secret-not-for-production-use';
/** The key id of a key given as JWT_SECRET, so it can later be listed in JWT_KEYS as `default:<secret>`. */
export const SINGLE_KEY_KID = 'default';
const MIN_SECRET_LENGTH = 32;
const KID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `JWT_KEYS="kid1:secret1,kid0:secret0"` (first = current) wins over `JWT_SECRET` (one key, kid
 * `default`). Neither set: the development key, which production refuses.
 */
export function parseSigningKeys(jwtKeys: string | undefined, jwtSecret: string | undefined, env: string): SigningKeys {
  const keys: SigningKey[] = jwtKeys?.trim()
    ? jwtKeys.split(',').map((entry) => {
        const at = entry.indexOf(':');
        return { kid: entry.slice(0, at).trim(), secret: at < 0 ? '' : entry.slice(at + 1).trim() };
      })
    : jwtSecret
      ? [{ kid: SINGLE_KEY_KID, secret: jwtSecret }]
      : [{ kid: 'dev', secret: DEV_JWT_SECRET }];

  const problems: string[] = [];
  for (const { kid, secret } of keys) {
    if (!KID.test(kid)) problems.push(`key id "${kid}" must be 1–64 of A–Z a–z 0–9 . _ -`);
    if (secret.length < MIN_SECRET_LENGTH) problems.push(`secret of "${kid}" must be at least ${MIN_SECRET_LENGTH} characters`);
    if (env !== 'development' && env !== 'test' && secret === DEV_JWT_SECRET) {
      problems.push(`"${kid}" is the development secret; set JWT_KEYS or JWT_SECRET`);
    }
  }
  const byKid = new Map(keys.map((k) => [k.kid, k.secret]));
  if (byKid.size !== keys.length) problems.push('key ids must be unique');
  if (problems.length) throw new Error(`JWT_KEYS/JWT_SECRET: ${problems.join('; ')}`);
  return { current: keys[0]!, byKid };
}
