import { readFileSync } from 'node:fs';
import { checkPasswordShape, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordPolicy } from '@portico/shared/password-policy';
import { badRequest } from '../../errors';

/**
 * The 10,000 most common passwords of 8+ characters, lower-cased, from the zxcvbn-ts
 * frequency list (which is built from breach corpora). Shipped with the code: no network look-up.
 * Read on first use, not at start-up.
 */
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  return common.has(password.toLowerCase());
}

/** Throws a 400 naming the first rule the password breaks under the landlord's policy. */
export function assertPasswordAllowed(password: string, policy: PasswordPolicy): void {
  const rule = checkPasswordShape(password, policy);
  if (rule) throw badRequest(rule, { min: PASSWORD_MIN_LENGTH[policy], max: PASSWORD_MAX_LENGTH });
  if (isCommonPassword(password)) throw badRequest('password_too_common');
}

// The native argon2 module is loaded on the first sign-in, not at start-up (cold start, issue 8).
let argon2: Promise<typeof import('@node-rs/argon2')> | undefined;
const loadArgon2 = () => (argon2 ??= import('@node-rs/argon2'));

// argon2id with the library's defaults (m=19 MiB, t=2, p=1): the OWASP-recommended baseline.
export const hashPassword = async (password: string) => (await loadArgon2()).hash(password);

// Verifying against a real hash when the account does not exist keeps the timing the same. Made
// on first use (hashing at import would cost every start 19 MiB and tens of milliseconds).
let dummyHash: Promise<string> | undefined;
const timingEqualiser = () => (dummyHash ??= hashPassword('portico-timing-equaliser'));

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  const { verify } = await loadArgon2();
  try {
    return await verify(passwordHash ?? (await timingEqualiser()), password);
  } catch {
    return false;
  }
}
