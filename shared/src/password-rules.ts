/**
 * The password policies and the rules that need no word list, without zod (`./password-policy` adds
 * `PasswordPolicySchema` and re-exports all of this), so an SPA's error texts can name the limits
 * without loading zod.
 */
export const PASSWORD_POLICIES = ['standard', 'classic'] as const;
export type PasswordPolicy = (typeof PASSWORD_POLICIES)[number];

export type PasswordRuleCode =
  | 'password_too_short'
  | 'password_too_long'
  | 'password_needs_upper'
  | 'password_needs_lower'
  | 'password_needs_digit'
  | 'password_needs_symbol';

export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_LENGTH: Record<PasswordPolicy, number> = { standard: 12, classic: 8 };

/**
 * The rules that need no word list, so the SPAs can show them while typing.
 * `standard` follows NIST 800-63B / ASVS 5 (length only); `classic` is seed 001's rule.
 * Length counts code points, not UTF-16 units, so an emoji counts once.
 */
export function checkPasswordShape(password: string, policy: PasswordPolicy): PasswordRuleCode | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH[policy]) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  if (policy === 'classic') {
    if (!/\p{Lu}/u.test(password)) return 'password_needs_upper';
    if (!/\p{Ll}/u.test(password)) return 'password_needs_lower';
    if (!/\p{Nd}/u.test(password)) return 'password_needs_digit';
    if (!/[^\p{L}\p{Nd}]/u.test(password)) return 'password_needs_symbol';
  }
  return null;
}
