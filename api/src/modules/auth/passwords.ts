import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { checkPasswordShape, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordPolicy } from '@portico/shared/password-policy';
import { badRequest } from '../../errors';

/**
 * The 10,000 most common passwords of 8+ characters, lower-cased, from the zxcvbn-ts
 * frequency list (which is built from breach corpora). Shipped with the code: no network look-up.
 */
const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean),
);

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

/** Throws a 400 naming the first rule the password breaks under the landlord's policy. */
export function assertPasswordAllowed(password: string, policy: PasswordPolicy): void {
  const rule = checkPasswordShape(password, policy);
  if (rule) throw badRequest(rule, { min: PASSWORD_MIN_LENGTH[policy], max: PASSWORD_MAX_LENGTH });
  if (isCommonPassword(password)) throw badRequest('password_too_common');
}

// argon2id with the library's defaults (m=19 MiB, t=2, p=1): the OWASP-recommended baseline.
export const hashPassword = (password: string) => hash(password);

// Verifying against a real hash when the account does not exist keeps the timing the same.
const DUMMY_HASH = await hash('portico-timing-equaliser');

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}
