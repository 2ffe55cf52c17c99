import type { z } from 'zod';

/**
 * The message a form shows for an issue raised by a shared contract, as an i18n key of the SPA's
 * `validation.*` group (or the `errors:` key a text rule already carries). Forms validate with the
 * contracts themselves (`pick`/`extend`) and pass this as zod's per-parse `error` map, so the
 * browser and the API apply the same limits and only the wording lives in the SPA.
 */
export function formIssueKey(issue: z.core.$ZodRawIssue): string {
  if (issue.code === 'custom' && typeof issue.message === 'string') return issue.message;
  // Nothing typed is "required", whatever rule the empty value broke first (a minimum length, a format).
  if (issue.input === undefined || issue.input === null || issue.input === '') return 'validation.required';
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return 'validation.required';
  if (issue.code === 'too_small' && issue.origin === 'array' && Number(issue.minimum) <= 1) return 'validation.required';
  if (issue.code === 'too_big' && issue.origin === 'string') return 'validation.tooLong';
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'validation.email';
  return 'validation.invalid';
}

/** The limit a `validation.tooLong` message names ("At most {{max}} characters"). */
export function formIssueValues(issue: z.core.$ZodRawIssue): Record<string, number> {
  return issue.code === 'too_big' && typeof issue.maximum === 'number' ? { max: issue.maximum } : {};
}
