import { z } from 'zod';

/**
 * Building blocks for every string a client sends, so the API and the SPAs apply one rule:
 * no C0 control characters (Postgres refuses NUL outright; the rest are never typed by a person
 * and hide text in e-mails and logs). Multi-line text keeps tab, LF and CR; one-line fields
 * (subjects, titles, names, streets) refuse line breaks, which would otherwise end up in e-mail
 * subjects and headers.
 */

/** The codes a text rule raises; each is an `ErrorCode` the errors plugin answers with. */
export type TextIssueCode = 'invalid_characters' | 'line_breaks_not_allowed' | 'date_out_of_range';

/** C0 controls, DEL and C1 controls (Unicode category Cc), except tab, LF and CR. */
const CONTROLS = /[^\P{Cc}\t\n\r]/u;
/** CR, LF and the Unicode line and paragraph separators. */
const LINE_BREAKS = /[\r\n\u2028\u2029]/;

/** Bidirectional controls that can make `invoice\u202Efdp.exe` read as `invoiceexe.pdf`. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Half of a surrogate pair: not a character at all. It cannot be written as UTF-8, and Postgres
 * refuses it inside JSON (`\ud804` in an outbox payload), so it is refused like a control.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string holds a character no field of the API accepts (the server's catch-all check). */
export function hasForbiddenCharacters(value: string): boolean {
  return CONTROLS.test(value) || LONE_SURROGATE.test(value);
}

/** What is wrong with a string under the one-line or multi-line rule, or null. */
export function textProblem(value: string, multiline: boolean): TextIssueCode | null {
  if (hasForbiddenCharacters(value)) return 'invalid_characters';
  if (multiline) return null;
  if (LINE_BREAKS.test(value)) return 'line_breaks_not_allowed';
  // A tab in a one-line field is a paste from a spreadsheet or a form trick, never meant.
  if (value.includes('\t')) return 'invalid_characters';
  return null;
}

/**
 * A zod issue carrying the API error code in `params.code`. The message is the i18n key, so a
 * form that validates with the contract shows `t(message)` like its other errors.
 */
export function textIssue(code: TextIssueCode, input: unknown) {
  return { code: 'custom' as const, message: `errors:${code}`, params: { code }, input };
}

const textRule = (multiline: boolean) =>
  z.superRefine<string>((value, ctx) => {
    const problem = textProblem(value, multiline);
    if (problem) ctx.addIssue(textIssue(problem, value));
  });

/** One line of text (subject, title, name, street…): trimmed, no control characters, no line breaks. */
export const oneLine = () => z.string().trim().check(textRule(false));

/** Free text (a message, a description): trimmed, line breaks and tabs kept, other controls refused. */
export const multiLine = () => z.string().trim().check(textRule(true));

/** A secret or token taken verbatim (passwords are not trimmed): no control characters at all. */
export const verbatim = () => z.string().check(textRule(false));

/** Dates the product can mean: contracts, cases and invoices live well inside these years. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const yearRule = () =>
  z.superRefine<string>((value, ctx) => {
    const year = Number(value.slice(0, 4));
    // Only a well-formed value gets here with a number; a malformed one already failed its format.
    if (Number.isInteger(year) && (year < MIN_YEAR || year > MAX_YEAR)) ctx.addIssue(textIssue('date_out_of_range', value));
  });

/** A calendar date, `YYYY-MM-DD`, between MIN_YEAR and MAX_YEAR. */
export const isoDate = () => z.iso.date().check(yearRule());

/** A timestamp with an offset, between MIN_YEAR and MAX_YEAR. */
export const isoDateTime = () => z.iso.datetime({ offset: true }).check(yearRule());

/** A month, `YYYY-MM`, between MIN_YEAR and MAX_YEAR. */
export const isoMonth = () =>
  oneLine()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .check(yearRule());
