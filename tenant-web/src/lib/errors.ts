import { ApiRequestError, translateError } from '@portico/shared/api-error';
import { MAX_UPLOAD_BYTES } from '@portico/shared/limits';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordPolicy } from '@portico/shared/password-rules';
import type { TFunction } from 'i18next';
import { i18n } from '@/lib/i18n';

export const MAX_UPLOAD_MB = Math.round(MAX_UPLOAD_BYTES / (1024 * 1024));

/** Values every error text may interpolate. */
export function errorParams(policy: PasswordPolicy = 'standard') {
  return { min: PASSWORD_MIN_LENGTH[policy], max: PASSWORD_MAX_LENGTH, maxMb: MAX_UPLOAD_MB };
}

/** The translated text for any error thrown by the API client (or anything else). */
export function errorText(t: TFunction, error: unknown, policy?: PasswordPolicy): string {
  return translateError(t, error, errorParams(policy));
}

/** Field-level issues from a 400, keyed by the first path segment. */
export function fieldIssues(error: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (error instanceof ApiRequestError && error.issues) {
    for (const issue of error.issues) {
      const field = issue.path.split(/[.[/]/).filter(Boolean)[0] ?? issue.path;
      if (field && !out.has(field)) out.set(field, issue.message);
    }
  }
  return out;
}

/**
 * The text for an error code handed back in the URL (`?eidError=<code>` after the e-ID broker): a code
 * the catalogue has a text for (every `ErrorCode` has one, a test keeps it so), else `eid_failed`.
 * Checked against the catalogue rather than `ErrorCodeSchema`, so the sign-in page needs no zod.
 */
export function errorCodeText(t: TFunction, code: string): string {
  const known = /^[a-z][a-z0-9_]*$/.test(code) && i18n.exists(`errors:${code}`);
  return t(`errors:${known ? code : 'eid_failed'}`, errorParams());
}
