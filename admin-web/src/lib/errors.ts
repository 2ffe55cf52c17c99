import { ApiRequestError, translateError } from '@portico/shared/http';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordPolicy } from '@portico/shared/password-policy';
import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

export const MAX_UPLOAD_MB = 10;

/** The translated text for any error thrown by the API client (or the network). */
export function errorMessage(t: TFunction, error: unknown, policy: PasswordPolicy = 'standard'): string {
  return translateError(t, error, { min: PASSWORD_MIN_LENGTH[policy], max: PASSWORD_MAX_LENGTH, maxMb: MAX_UPLOAD_MB });
}

/** Puts the API's field issues on the matching form fields; returns the issues that matched no field. */
export function applyIssues<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): { path: string; message: string }[] {
  if (!(error instanceof ApiRequestError) || !error.issues) return [];
  const rest: { path: string; message: string }[] = [];
  for (const issue of error.issues) {
    const field = fields.find((f) => f === issue.path || issue.path.startsWith(`${f}.`));
    if (field) setError(field, { type: 'server', message: issue.message });
    else rest.push(issue);
  }
  return rest;
}
