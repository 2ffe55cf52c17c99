import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

/**
 * The longest text a contract field accepts (through optional, default and pipe wrappers), so an
 * input's `maxLength` and the "At most {{max}} characters" message name the contract's limit.
 */
export function maxLengthOf(field: z.core.$ZodType): number | undefined {
  const def = field._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; out?: z.core.$ZodType };
  if (def.innerType) return maxLengthOf(def.innerType);
  if (def.type === 'pipe' && def.in && def.out) {
    const limits = [maxLengthOf(def.in), maxLengthOf(def.out)].filter((n) => n !== undefined);
    return limits.length ? Math.min(...limits) : undefined;
  }
  const max = (field as { maxLength?: unknown }).maxLength;
  return typeof max === 'number' ? max : undefined;
}

/** A select whose empty option means "none": the contract's optional field gets undefined. */
export const blankAsNone = (value: string) => value || undefined;

type FieldErrorOptions = {
  /** A select: the key shown for any issue found here (nothing chosen), e.g. `compose.chooseLease`. */
  chooseKey?: string;
  /** Values for the message when the rule that applies is not the contract's length (a policy's limit). */
  values?: Record<string, string | number>;
};

/**
 * The text a field shows for its error. Issues found in the browser carry an i18n key (from
 * `formIssueKey`, or a form's own key) and are translated with the field's limit taken from the
 * form schema; the API's field issues (`type: 'server'`, see applyIssues) arrive as text.
 */
export function useFieldError<T extends FieldValues>(shape: z.core.$ZodShape, errors: FieldErrors<T>) {
  const { t } = useTranslation();
  return (name: keyof T & string, options: FieldErrorOptions = {}): string | undefined => {
    const error = errors[name] as FieldError | undefined;
    if (!error?.message) return undefined;
    if (error.type === 'server') return error.message;
    if (options.chooseKey) return t(options.chooseKey);
    const field = shape[name];
    const max = field ? maxLengthOf(field) : undefined;
    return t(error.message, { ...(max === undefined ? {} : { max }), ...options.values });
  };
}

/**
 * A text input for an optional contract field: blank is allowed (sent as null), anything typed must
 * pass the contract's own schema, whose issues (and so messages) are kept.
 */
export const blankOr = (schema: z.ZodType) =>
  z.string().superRefine((value, ctx) => {
    if (value.trim() === '') return;
    const result = schema.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, input: value, path: [] } as never);
  });

/** The blank inputs of a form's values as null, for an API that takes null as "none". */
export const blanksAsNull = <T extends Record<string, unknown>>(values: T) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' ? null : v])) as {
    [K in keyof T]: T[K] extends string ? T[K] | null : T[K];
  };
