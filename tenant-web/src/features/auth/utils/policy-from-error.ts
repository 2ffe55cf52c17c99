import { ApiRequestError } from '@portico/shared/http';
import { PASSWORD_MIN_LENGTH, type PasswordPolicy } from '@portico/shared/password-policy';

/**
 * The landlord's password policy is not known before the API has answered, so the rules are checked there.
 * Its answer tells which policy applies: the minimum it sends, composition rules (only in `classic`), and a
 * too-short password of eight or more characters can only fail `standard`.
 */
export function policyFromError(error: unknown, password: string): PasswordPolicy {
  if (!(error instanceof ApiRequestError)) return 'standard';
  if (error.code.startsWith('password_needs_')) return 'classic';
  if (error.code === 'password_too_short') {
    if (error.params.min === PASSWORD_MIN_LENGTH.classic) return 'classic';
    if (error.params.min === PASSWORD_MIN_LENGTH.standard) return 'standard';
    if ([...password].length < PASSWORD_MIN_LENGTH.classic) return 'classic';
  }
  return 'standard';
}

export function isPasswordError(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code.startsWith('password_');
}
