/**
 * The landlord's payment accounts (STANDARDS §1 "Related", §3, §4.1): Swedish bankgiro and plusgiro
 * numbers, the Danish FI creditor number (kreditornummer, for +71/+73/+75 lines), IBAN and BIC.
 * Each parser takes what a person types (spaces, dashes, lower case) and answers the normalised
 * form we store, or null when the number is not valid.
 */

/** Modulus 10 (Luhn) over all digits, the last being the check digit (weights anchored at the right). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const compact = (raw: string) => raw.replace(/[\s-]/g, '');

/** Bankgiro: 7–8 digits, mod 10 over all of them; stored as `NNN-NNNN` / `NNNN-NNNN` (STANDARDS §1). */
export function parseBankgiro(raw: string): string | null {
  const digits = compact(raw);
  if (!/^\d{7,8}$/.test(digits) || !luhnValid(digits)) return null;
  return `${digits.slice(0, -4)}-${digits.slice(-4)}`;
}

/** Plusgiro: 2–8 digits, mod 10 over all of them; stored with a dash before the check digit (`286543-4`). */
export function parsePlusgiro(raw: string): string | null {
  const digits = compact(raw);
  if (!/^\d{2,8}$/.test(digits) || !luhnValid(digits)) return null;
  return `${digits.slice(0, -1)}-${digits.slice(-1)}`;
}

/** Danish FI creditor number: 8 digits, the first an 8 (STANDARDS §4.1, Uniconta's rule). */
export function parseFiCreditor(raw: string): string | null {
  const digits = compact(raw).replace(/^\+71</, '');
  return /^8\d{7}$/.test(digits) ? digits : null;
}

/** IBAN: country code, two check digits, up to 30 letters/digits; ISO 7064 mod 97 = 1 (STANDARDS §3). */
export function parseIban(raw: string): string | null {
  const iban = compact(raw).toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return null;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1 ? iban : null;
}

/** BIC (ISO 9362): bank (4 letters), country (2 letters), location (2), optional branch (3); 8 or 11 characters. */
export function parseBic(raw: string): string | null {
  const bic = compact(raw).toUpperCase();
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic) ? bic : null;
}
