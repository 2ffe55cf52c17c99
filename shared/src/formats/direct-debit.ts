/**
 * Direct-debit mandates (STANDARDS §5): what a payer types for Betalingsservice (DK) and Autogiro
 * (SE), checked and normalised; the Autogiro medgivande file (TK01 + TK04 records) and the
 * Betalingsservice CSV for the landlord's bank. Pure functions, no dependencies but identity.ts.
 */
import { type ParsedIdentity, parseDanishCpr, parseDanishCvr, parseSwedishOrgNumber, parseSwedishPersonalNumber } from './identity';

export type DirectDebitKind = 'autogiro' | 'betalingsservice';

/** Why a mandate's bank or identity data was refused; each is an error code (`mandate_*`). */
export const MANDATE_INPUT_PROBLEMS = ['mandate_bad_bank_code', 'mandate_bad_account', 'mandate_bad_holder_id'] as const;
export type MandateInputProblem = (typeof MANDATE_INPUT_PROBLEMS)[number];

export type MandateBankInput = { bankCode: string; bankAccount: string; holderId: string };

export type NormalisedMandate = {
  /** SE clearing (4 digits) or DK reg. no. (4 digits). */
  bankCode: string;
  /** Digits only, as typed (no padding): SE ≤ 12, DK 1–10. */
  bankAccount: string;
  /** Canonical digits: SE personnummer 12 (YYYYMMDDNNNC) or orgnr 10; DK CPR 10 or CVR 8. */
  holderId: string;
  holderKind: ParsedIdentity['kind'];
  /** CPR only, and only ever a warning: the old mod-11 check failed (STANDARDS §7.3). */
  warnings: 'cpr_mod11'[];
};

export type MandateCheck = { ok: true; value: NormalisedMandate } | { ok: false; problem: MandateInputProblem };

/** Spaces, dashes and dots a person types between digit groups. */
const compact = (raw: string) => raw.replace(/[\s.-]/g, '');

/**
 * Swedish clearing number: 4 digits; a Swedbank 5-digit clearing (8xxx-x) loses its 5th digit
 * (STANDARDS §5.2). Null when it is not one.
 */
export function normaliseClearing(raw: string): string | null {
  const digits = compact(raw);
  if (/^\d{4}$/.test(digits) && digits[0] !== '0') return digits;
  if (/^8\d{4}$/.test(digits)) return digits.slice(0, 4);
  return null;
}

/** Danish reg. no.: exactly 4 digits. */
export function normaliseRegNo(raw: string): string | null {
  const digits = compact(raw);
  return /^\d{4}$/.test(digits) ? digits : null;
}

/** Danish account number: 1–10 digits. NEVER a mod-11: more than half of real accounts fail it (§5.1). */
export function normaliseDanishAccount(raw: string): string | null {
  const digits = compact(raw);
  return /^\d{1,10}$/.test(digits) ? digits : null;
}

/** Swedish account number: 1–12 digits (clearing not included). */
export function normaliseSwedishAccount(raw: string): string | null {
  const digits = compact(raw);
  return /^\d{1,12}$/.test(digits) ? digits : null;
}

/** Checks what a payer typed for a mandate of `kind`; answers normalised values or the first problem. */
export function checkMandateInput(kind: DirectDebitKind, input: MandateBankInput, now: Date = new Date()): MandateCheck {
  if (kind === 'betalingsservice') {
    const bankCode = normaliseRegNo(input.bankCode);
    if (!bankCode) return { ok: false, problem: 'mandate_bad_bank_code' };
    const bankAccount = normaliseDanishAccount(input.bankAccount);
    if (!bankAccount) return { ok: false, problem: 'mandate_bad_account' };
    const id = input.holderId.replace(/\s+/g, '');
    const holder = /^\d{8}$/.test(id) ? parseDanishCvr(id) : parseDanishCpr(id);
    if (!holder) return { ok: false, problem: 'mandate_bad_holder_id' };
    return {
      ok: true,
      value: {
        bankCode,
        bankAccount,
        holderId: holder.normalized,
        holderKind: holder.kind,
        warnings: holder.kind === 'dk_cpr' && holder.cprMod11Ok === false ? ['cpr_mod11'] : [],
      },
    };
  }
  const bankCode = normaliseClearing(input.bankCode);
  if (!bankCode) return { ok: false, problem: 'mandate_bad_bank_code' };
  const bankAccount = normaliseSwedishAccount(input.bankAccount);
  if (!bankAccount) return { ok: false, problem: 'mandate_bad_account' };
  const id = input.holderId.replace(/\s+/g, '');
  // An organisation number (third digit ≥ 2) is tried first: it can never be a birth date.
  const holder = parseSwedishOrgNumber(id) ?? parseSwedishPersonalNumber(id, now);
  if (!holder) return { ok: false, problem: 'mandate_bad_holder_id' };
  return { ok: true, value: { bankCode, bankAccount, holderId: holder.normalized, holderKind: holder.kind, warnings: [] } };
}

/** Autogiro payer number (betalarnummer): 1–16 digits, chosen by the payee. */
export function isPayerNumber(raw: string): boolean {
  return /^\d{1,16}$/.test(raw) && !/^0+$/.test(raw);
}

const digitsOnly = (raw: string) => raw.replace(/\D/g, '');

/** Bankgiro as 10 zero-filled digits (positions 3–12 of the records). */
export function bankgiro10(bankgiro: string): string {
  const d = digitsOnly(bankgiro);
  if (d.length < 7 || d.length > 10) throw new Error(`not a bankgiro: ${bankgiro}`);
  return d.padStart(10, '0');
}

/** The account holder's id as Bankgirot writes it: personnummer 12 digits, orgnr `00` + 10 (§5.2). */
export function autogiroHolderId(holderId: string): string {
  const d = digitsOnly(holderId);
  if (d.length === 12) return d;
  if (d.length === 10) return `00${d}`;
  throw new Error(`not a Swedish holder id: ${holderId}`);
}

/**
 * TK04 (create mandate), 56 positions (§5.2): `04`, payee bankgiro (10), payer number (16, zero
 * filled), clearing (4) + account (12, zero filled), holder id (12). Lines carry no trailing blanks.
 */
export function tk04Record(m: { bankgiro: string; payerNumber: string; clearing: string; account: string; holderId: string }): string {
  if (!isPayerNumber(m.payerNumber)) throw new Error(`not a payer number: ${m.payerNumber}`);
  if (!/^\d{4}$/.test(m.clearing)) throw new Error(`not a clearing number: ${m.clearing}`);
  if (!/^\d{1,12}$/.test(m.account)) throw new Error(`not an account number: ${m.account}`);
  return `04${bankgiro10(m.bankgiro)}${m.payerNumber.padStart(16, '0')}${m.clearing}${m.account.padStart(12, '0')}${autogiroHolderId(m.holderId)}`;
}

/**
 * TK01 opening record of a file to Bankgirot (byrokrat/autogiro mandate-request-writer.feature):
 * `01`, the file's date YYYYMMDD, `AUTOGIRO`, 44 blanks, the payee's Bankgirot customer number
 * (6 digits), the payee bankgiro (10 digits).
 */
export function tk01Record(o: { date: string; customerNumber: string; bankgiro: string }): string {
  const date = o.date.replace(/-/g, '');
  if (!/^\d{8}$/.test(date)) throw new Error(`not a date: ${o.date}`);
  if (!/^\d{6}$/.test(o.customerNumber)) throw new Error(`not a Bankgirot customer number: ${o.customerNumber}`);
  return `01${date}AUTOGIRO${' '.repeat(44)}${o.customerNumber}${bankgiro10(o.bankgiro)}`;
}

/** Line end of the files to Bankgirot: CRLF, as files from bank systems carry (STANDARDS leaves it open). */
export const AUTOGIRO_EOL = '\r\n';

/** A medgivande file: the opening record, then one TK04 per new mandate. */
export function autogiroMandateFile(
  opening: { date: string; customerNumber: string; bankgiro: string },
  mandates: { payerNumber: string; clearing: string; account: string; holderId: string }[],
): string {
  const lines = [tk01Record(opening), ...mandates.map((m) => tk04Record({ ...m, bankgiro: opening.bankgiro }))];
  return lines.join(AUTOGIRO_EOL) + AUTOGIRO_EOL;
}

/** The Betalingsservice CSV columns, in order (decision 11M3). */
export const BETALINGSSERVICE_CSV_COLUMNS = ['kundenummer', 'cpr_cvr', 'regnr', 'kontonr', 'navn', 'oprettet'] as const;

const csvField = (value: string) => (/[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The Betalingsservice sign-up list for the landlord's bank: `;`-separated (Danish spreadsheets read
 * it as is), a header line, CRLF, one row per mandate; the kundenummer keeps its leading zeros.
 */
export function betalingsserviceCsv(
  rows: { payerNumber: string; holderId: string; regNo: string; account: string; holderName: string; createdOn: string }[],
): string {
  const lines = [
    BETALINGSSERVICE_CSV_COLUMNS.join(';'),
    ...rows.map((r) => [r.payerNumber, r.holderId, r.regNo, r.account, r.holderName, r.createdOn].map(csvField).join(';')),
  ];
  return lines.join('\r\n') + '\r\n';
}

/** Shows only the last 4 digits of an account or id number: `••••1234`. */
export function maskLast4(value: string): string {
  return value.length <= 4 ? value : `••••${value.slice(-4)}`;
}
