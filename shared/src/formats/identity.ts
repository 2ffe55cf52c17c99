/**
 * Nordic identity numbers (STANDARDS.md §7): Swedish personnummer / samordningsnummer,
 * Swedish organisationsnummer, Danish CPR and Danish CVR.
 *
 * Pure functions, no dependencies. Whitespace anywhere in the input is ignored; the only
 * separators accepted are the ones the formats define ('-' everywhere, '+' for Swedish people ≥ 100).
 */

export type IdentityKind = 'se_personal' | 'se_coordination' | 'se_org' | 'dk_cpr' | 'dk_cvr';

export type ParsedIdentity = {
  kind: IdentityKind;
  country: 'SE' | 'DK';
  /** Canonical storage form: SE personal/coordination → 12 digits YYYYMMDDNNNC; SE org → 10 digits; DK CPR → 10 digits DDMMYYSSSS; DK CVR → 8 digits. */
  normalized: string;
  /** For people: ISO date of birth (for coordination numbers the real day, i.e. day − 60). */
  birthDate?: string;
  /** CPR only: whether the old mod-11 check passes (information, never a reason to reject). */
  cprMod11Ok?: boolean;
};

const SE_PERSONAL_RE = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/;
const SE_ORG_RE = /^(16)?(\d{6})(-?)(\d{4})$/;
const DK_CPR_RE = /^(\d{6})-?(\d{4})$/;
const DK_CVR_RE = /^\d{8}$/;

function stripSpaces(input: string): string {
  return input.replace(/\s+/g, '');
}

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

/** Luhn (modulus 10) check over a string of ASCII digits, check digit last. */
function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digitAt(digits, digits.length - 1 - i);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function weightedMod11Ok(digits: string, weights: readonly number[]): boolean {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digitAt(digits, i) * (weights[i] ?? 0);
  return sum % 11 === 0;
}

/** True when year-month-day is a real calendar date (leap years included). */
function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999; the round trip rejects those too.
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Swedish personnummer or samordningsnummer (day + 60).
 * Accepts `YYMMDD-NNNC`, `YYMMDD+NNNC` (100 or older), `YYMMDDNNNC`, `YYYYMMDDNNNC` and `YYYYMMDD-NNNC`.
 * For 10-digit input the century is `base − (base − YY) mod 100`, base = year of `now` (− 100 with `+`).
 * Interim numbers (a letter in position 7) are not accepted.
 */
export function parseSwedishPersonalNumber(input: string, now: Date = new Date()): ParsedIdentity | null {
  const m = SE_PERSONAL_RE.exec(stripSpaces(input));
  if (!m) return null;
  const [, century, yymmdd = '', sep, serial = ''] = m;
  // '+' only makes sense in the short form; with a written-out century it is contradictory.
  if (century !== undefined && sep === '+') return null;

  const ten = yymmdd + serial;
  if (!luhnOk(ten)) return null;

  const yy = Number(yymmdd.slice(0, 2));
  let year: number;
  if (century !== undefined) {
    year = Number(century) * 100 + yy;
  } else {
    const base = now.getUTCFullYear() - (sep === '+' ? 100 : 0);
    year = base - ((((base - yy) % 100) + 100) % 100);
  }

  const month = Number(yymmdd.slice(2, 4));
  const rawDay = Number(yymmdd.slice(4, 6));
  const coordination = rawDay > 60;
  const day = coordination ? rawDay - 60 : rawDay;
  if (!isValidDate(year, month, day)) return null;

  return {
    kind: coordination ? 'se_coordination' : 'se_personal',
    country: 'SE',
    normalized: pad(year, 4) + ten.slice(2),
    birthDate: isoDate(year, month, day),
  };
}

/**
 * Swedish organisationsnummer: 10 digits (`NNNNNN-NNNC` or without '-'), Luhn, first two digits ≥ 10,
 * digits 3–4 ≥ 20, serial (digits 7–9) not 000. The 12-digit form is accepted only with the prefix `16`.
 */
export function parseSwedishOrgNumber(input: string): ParsedIdentity | null {
  const m = SE_ORG_RE.exec(stripSpaces(input));
  if (!m) return null;
  const ten = (m[2] ?? '') + (m[4] ?? '');
  if (digitAt(ten, 0) < 1) return null; // first two digits ≥ 10
  if (digitAt(ten, 2) < 2) return null; // digits 3–4 ≥ 20
  if (ten.slice(6, 9) === '000') return null;
  if (!luhnOk(ten)) return null;
  return { kind: 'se_org', country: 'SE', normalized: ten };
}

const CPR_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Century of a CPR number from YY and its 7th digit (STANDARDS.md §7.3). */
function cprYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return (yy <= 57 ? 2000 : 1800) + yy;
}

/**
 * Danish CPR: `DDMMYY-SSSS` or 10 digits. Validates format and date; the century comes from the 7th digit.
 * Mod 11 is reported in `cprMod11Ok` but never causes rejection.
 */
export function parseDanishCpr(input: string): ParsedIdentity | null {
  const m = DK_CPR_RE.exec(stripSpaces(input));
  if (!m) return null;
  const ten = (m[1] ?? '') + (m[2] ?? '');
  const day = Number(ten.slice(0, 2));
  const month = Number(ten.slice(2, 4));
  const year = cprYear(Number(ten.slice(4, 6)), digitAt(ten, 6));
  if (!isValidDate(year, month, day)) return null;
  return {
    kind: 'dk_cpr',
    country: 'DK',
    normalized: ten,
    birthDate: isoDate(year, month, day),
    cprMod11Ok: weightedMod11Ok(ten, CPR_WEIGHTS),
  };
}

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Danish CVR: 8 digits, no leading 0, weights 2,7,6,5,4,3,2,1, sum mod 11 = 0. */
export function parseDanishCvr(input: string): ParsedIdentity | null {
  const s = stripSpaces(input);
  if (!DK_CVR_RE.test(s) || s[0] === '0') return null;
  if (!weightedMod11Ok(s, CVR_WEIGHTS)) return null;
  return { kind: 'dk_cvr', country: 'DK', normalized: s };
}

/**
 * Any of the four, as typed by a person (spaces, '-' and '+' allowed where the formats allow them).
 * `country` narrows the guess when known. Ambiguity rules: 8 digits → CVR; 12 digits → SE personal
 * (or `16`+orgnr → SE org); 10 digits with a separator after 6 → SE (personnummer, or orgnr when the
 * third digit ≥ 2) unless `country === 'DK'`; 10 digits with no separator → try SE org, then SE personal,
 * then DK CPR (unless `country` says otherwise); the first that parses wins.
 */
export function parseIdentityNumber(input: string, options: { country?: 'SE' | 'DK'; now?: Date } = {}): ParsedIdentity | null {
  const { country, now } = options;
  const s = stripSpaces(input);
  const allowSE = country !== 'DK';
  const allowDK = country !== 'SE';

  if (/^\d{8}$/.test(s)) return allowDK ? parseDanishCvr(s) : null;

  if (/^\d{8}[-+]?\d{4}$/.test(s)) {
    if (!allowSE) return null;
    return s.startsWith('16') ? (parseSwedishOrgNumber(s) ?? parseSwedishPersonalNumber(s, now)) : parseSwedishPersonalNumber(s, now);
  }

  if (/^\d{6}[-+]\d{4}$/.test(s)) {
    if (!allowSE) return s[6] === '-' ? parseDanishCpr(s) : null;
    return digitAt(s, 2) >= 2 && s[6] === '-' ? parseSwedishOrgNumber(s) : parseSwedishPersonalNumber(s, now);
  }

  if (/^\d{10}$/.test(s)) {
    if (allowSE) {
      const se = parseSwedishOrgNumber(s) ?? parseSwedishPersonalNumber(s, now);
      if (se) return se;
    }
    return allowDK ? parseDanishCpr(s) : null;
  }

  return null;
}

/** Masks all but the birth-date part / first 4 digits, for showing a number back to a person: e.g. '19880320-****', '211062-****', '1358****'. */
export function maskIdentityNumber(parsed: ParsedIdentity): string {
  const n = parsed.normalized;
  switch (parsed.kind) {
    case 'se_personal':
    case 'se_coordination':
      return `${n.slice(0, 8)}-****`;
    case 'dk_cpr':
      return `${n.slice(0, 6)}-****`;
    case 'se_org':
      return `${n.slice(0, 4)}**-****`;
    case 'dk_cvr':
      return `${n.slice(0, 4)}****`;
  }
}
