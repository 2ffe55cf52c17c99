import { luhnCheckDigit } from './ocr';
import { luhnValid, parseFiCreditor } from './payment';

/**
 * Danish FI payment strings (STANDARDS §4). Rent notices use kortart +71: a 15-digit payment id whose
 * last digit is a modulus-10 check digit anchored at the right, and the landlord's 8-digit FI creditor
 * number. Printed and copied as `+71<payment id+creditor<`.
 */
export const FIK71_ID_LENGTH = 15;

/** The +71 payment id for `base` (digits, at most 14): zero-padded, with its check digit. */
export function makeFik71PaymentId(base: string): string {
  if (!/^\d{1,14}$/.test(base)) throw new Error('makeFik71PaymentId: 1–14 digits');
  const payload = base.padStart(FIK71_ID_LENGTH - 1, '0');
  return payload + luhnCheckDigit(payload);
}

export function fik71Line(paymentId: string, creditor: string): string {
  return `+71<${paymentId}+${creditor}<`;
}

export type FikLine = { kind: '71' | '73' | '75' | '04'; paymentId: string | null; account: string };
export type FikProblem = 'fik_format' | 'fik_length' | 'fik_check_digit' | 'fik_creditor';

const ID_LENGTHS = { '71': 15, '75': 16, '04': 16, '73': 0 } as const;

/** Parses an FI line as a bank app reads it (spaces ignored); answers the parts or the problem. */
export function parseFikLine(raw: string): FikLine | FikProblem {
  const compact = raw.replace(/\s/g, '');
  const match = /^[+>](\d\d)<(\d*)\+(\d+)<$/.exec(compact);
  if (!match) return 'fik_format';
  const [, kind, id = '', account = ''] = match;
  if (!(kind === '71' || kind === '73' || kind === '75' || kind === '04')) return 'fik_format';
  const length = ID_LENGTHS[kind];
  if (id.length !== length) return 'fik_length';
  if (length > 0 && !luhnValid(id)) return 'fik_check_digit';
  if (kind === '04') {
    if (!/^\d{2,8}$/.test(account)) return 'fik_creditor';
  } else if (parseFiCreditor(account) !== account) return 'fik_creditor';
  return { kind, paymentId: length > 0 ? id : null, account };
}
