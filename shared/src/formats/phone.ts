/**
 * Mobile numbers as the SMS gateways need them (E.164, "+46701234567"). Numbers reach us from
 * imports and forms in every national spelling ("070-123 45 67", "0046 70 123 45 67",
 * "+45 12 34 56 78"), so they are stored as typed and normalised when a message is sent.
 */

const COUNTRY_CODE = { SE: '46', DK: '45' } as const;

/**
 * The number in E.164 if it can receive an SMS, else null. A Swedish number must be a mobile
 * (07x, not a landline such as 08-…); Danish numbers carry no mobile prefix, so any 8-digit
 * number counts. A number with another country code is taken as written (we cannot tell).
 */
export function mobileToE164(raw: string | null | undefined, country: 'SE' | 'DK'): string | null {
  if (!raw) return null;
  const compact = raw.replace(/[\s().-]/g, '');
  if (!/^(\+|00)?\d+$/.test(compact)) return null;
  let international: string;
  if (compact.startsWith('+')) international = compact.slice(1);
  else if (compact.startsWith('00')) international = compact.slice(2);
  else if (country === 'SE' && compact.startsWith('0')) international = `46${compact.slice(1)}`;
  else if (country === 'DK' && compact.length === 8) international = `45${compact}`;
  else return null;
  // "+46 (0)70 …": the trunk zero written after the country code.
  if (international.startsWith('460')) international = `46${international.slice(3)}`;

  if (international.startsWith(COUNTRY_CODE.SE)) {
    // Swedish mobiles: 070, 072, 073, 076, 079 followed by seven digits.
    return /^467[02369]\d{7}$/.test(international) ? `+${international}` : null;
  }
  if (international.startsWith(COUNTRY_CODE.DK)) return /^45\d{8}$/.test(international) ? `+${international}` : null;
  return /^[1-9]\d{7,14}$/.test(international) ? `+${international}` : null;
}
