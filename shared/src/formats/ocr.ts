import { luhnValid } from './payment';

/**
 * Swedish OCR references (STANDARDS §1): digits only, 2–25 long, the last digit a modulus-10 (Luhn)
 * check digit. The payee's bankgiro agreement picks how strictly banks check them (§1.2):
 * `check` (soft or hard control: the check digit only), `length` (variable length: the second-last
 * digit is the total length mod 10) or `fixed` (the check digit, and one of at most two agreed lengths).
 */
export const OCR_CONTROLS = ['check', 'length', 'fixed'] as const;
export type OcrControl = (typeof OCR_CONTROLS)[number];
export type OcrRule = { control: OcrControl; fixedLengths?: readonly number[] };

export const OCR_MIN_LENGTH = 2;
export const OCR_MAX_LENGTH = 25;

/** The check digit that makes `payload + digit` pass Luhn (the payload's last digit gets weight 2). */
export function luhnCheckDigit(payload: string): string {
  if (!/^\d+$/.test(payload)) throw new Error('luhnCheckDigit: digits only');
  for (let d = 0; d <= 9; d++) if (luhnValid(payload + d)) return String(d);
  throw new Error('unreachable');
}

/**
 * The OCR reference for `base` (a number the landlord owns, e.g. the notice's sequence number) under
 * `rule`. For `fixed`, the base is left-padded with zeros to the first agreed length. Throws when the
 * base cannot fit: callers pass numbers they generate, so that is a programming error.
 */
export function makeOcr(base: string, rule: OcrRule): string {
  if (!/^\d+$/.test(base)) throw new Error('makeOcr: digits only');
  let payload = base;
  if (rule.control === 'length') payload = base + String((base.length + 2) % 10);
  if (rule.control === 'fixed') {
    const length = rule.fixedLengths?.[0];
    if (!length || base.length > length - 1) throw new Error('makeOcr: base does not fit the agreed length');
    payload = base.padStart(length - 1, '0');
  }
  const ocr = payload + luhnCheckDigit(payload);
  if (ocr.length < OCR_MIN_LENGTH || ocr.length > OCR_MAX_LENGTH) throw new Error('makeOcr: length outside 2–25');
  return ocr;
}

export type OcrProblem = 'ocr_format' | 'ocr_length' | 'ocr_check_digit' | 'ocr_length_digit';

/** Why `ref` is not a valid OCR reference under `rule`, or null when it is. Spaces are ignored. */
export function ocrProblem(ref: string, rule: OcrRule): OcrProblem | null {
  const digits = ref.replace(/\s/g, '');
  if (!/^\d+$/.test(digits)) return 'ocr_format';
  if (digits.length < OCR_MIN_LENGTH || digits.length > OCR_MAX_LENGTH) return 'ocr_length';
  if (!luhnValid(digits)) return 'ocr_check_digit';
  if (rule.control === 'length' && Number(digits[digits.length - 2]) !== digits.length % 10) return 'ocr_length_digit';
  if (rule.control === 'fixed' && !(rule.fixedLengths ?? []).includes(digits.length)) return 'ocr_length';
  return null;
}

export const isValidOcr = (ref: string, rule: OcrRule) => ocrProblem(ref, rule) === null;
