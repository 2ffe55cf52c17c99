import { formIssueKey } from '@portico/shared/form-issues';
import { z } from 'zod';

/**
 * A contract field behind a text input or a select. The input gives '' when left empty (or only
 * spaces) where the contract means "not given": a required field then reports `validation.required`
 * and an optional one is left out. Whatever is typed meets the contract's own rules and limits.
 */
export function blankAsMissing<T extends z.ZodType>(field: T) {
  return z.preprocess((value: string) => (typeof value === 'string' && value.trim() === '' ? undefined : value), field);
}

/**
 * `formIssueKey`, with a field's own hint instead of the generic "not valid" / "too long" (the
 * phone format, the username rules): the contract still decides, only the words are the field's.
 */
export function formIssueKeyWithHints(hints: Record<string, string>) {
  return (issue: z.core.$ZodRawIssue): string => {
    const key = formIssueKey(issue);
    const hint = hints[String(issue.path?.[0])];
    return hint && (key === 'validation.invalid' || key === 'validation.tooLong') ? hint : key;
  };
}
