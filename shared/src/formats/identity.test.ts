import { describe, expect, it } from 'vitest';
import {
  maskIdentityNumber,
  type ParsedIdentity,
  parseDanishCpr,
  parseDanishCvr,
  parseIdentityNumber,
  parseSwedishOrgNumber,
  parseSwedishPersonalNumber,
} from './identity';

const now = new Date('2026-11-24T12:00:00Z');

describe('parseSwedishPersonalNumber (STANDARDS §7.1 vectors)', () => {
  it('880320-0016 is valid, 880320-0018 is not', () => {
    expect(parseSwedishPersonalNumber('880320-0016', now)).toEqual({
      kind: 'se_personal',
      country: 'SE',
      normalized: '198803200016',
      birthDate: '1988-03-20',
    });
    expect(parseSwedishPersonalNumber('880320-0018', now)).toBeNull();
  });

  it('19821105-9954 is valid (12-digit form with separator and without)', () => {
    const expected = { kind: 'se_personal', country: 'SE', normalized: '198211059954', birthDate: '1982-11-05' };
    expect(parseSwedishPersonalNumber('19821105-9954', now)).toEqual(expected);
    expect(parseSwedishPersonalNumber('198211059954', now)).toEqual(expected);
    expect(parseSwedishPersonalNumber('821105-9954', now)).toEqual(expected);
  });

  it('570574-9959 is a samordningsnummer (day 74 → 14th)', () => {
    expect(parseSwedishPersonalNumber('570574-9959', now)).toEqual({
      kind: 'se_coordination',
      country: 'SE',
      normalized: '195705749959',
      birthDate: '1957-05-14',
    });
    expect(parseSwedishOrgNumber('570574-9959')).toBeNull();
    expect(parseIdentityNumber('570574-9959', { now })?.kind).toBe('se_coordination');
  });

  it('19390182-9913 is invalid', () => {
    expect(parseSwedishPersonalNumber('19390182-9913', now)).toBeNull();
  });

  it('090527+1474 → born 1909 (the + means 100 or older)', () => {
    expect(parseSwedishPersonalNumber('090527+1474', now)).toEqual({
      kind: 'se_personal',
      country: 'SE',
      normalized: '190905271474',
      birthDate: '1909-05-27',
    });
    // Without '+' the same digits mean 2009.
    expect(parseSwedishPersonalNumber('090527-1474', now)?.birthDate).toBe('2009-05-27');
  });

  it('century follows the injected "now"', () => {
    // base − (base − YY) mod 100: YY = 26 is 2026 in 2026 but 1926 in 2025.
    expect(parseSwedishPersonalNumber('260101-0008', new Date('2026-01-01'))?.birthDate?.slice(0, 4)).toBe('2026');
    expect(parseSwedishPersonalNumber('260101-0008', new Date('2025-12-31'))?.birthDate?.slice(0, 4)).toBe('1926');
    expect(parseSwedishPersonalNumber('880320-0016', new Date('2087-06-01'))?.birthDate).toBe('1988-03-20');
    expect(parseSwedishPersonalNumber('880320-0016', new Date('2088-06-01'))?.birthDate).toBe('2088-03-20');
  });

  it('ignores spaces', () => {
    expect(parseSwedishPersonalNumber(' 880320 - 0016 ', now)?.normalized).toBe('198803200016');
  });

  it('rejects impossible dates, letters, interim numbers and wrong lengths', () => {
    // Luhn-valid numbers with impossible dates (Feb 30, month 13, day 0, coordination day 92).
    expect(parseSwedishPersonalNumber('880230-0007', now)).toBeNull();
    expect(parseSwedishPersonalNumber('881320-0006', now)).toBeNull();
    expect(parseSwedishPersonalNumber('880300-0002', now)).toBeNull();
    expect(parseSwedishPersonalNumber('880392-0001', now)).toBeNull();
    expect(parseSwedishPersonalNumber('880320-T016', now)).toBeNull();
    expect(parseSwedishPersonalNumber('88O320-0016', now)).toBeNull();
    expect(parseSwedishPersonalNumber('880320-001', now)).toBeNull();
    expect(parseSwedishPersonalNumber('880320-00160', now)).toBeNull();
    expect(parseSwedishPersonalNumber('', now)).toBeNull();
    // '+' with a written-out century is contradictory.
    expect(parseSwedishPersonalNumber('19090527+1474', now)).toBeNull();
  });

  it('handles leap years', () => {
    // Luhn-valid: 000229-0005 (29 Feb 2000), 010229-0004 (29 Feb 2001 does not exist).
    expect(parseSwedishPersonalNumber('000229-0005', now)?.birthDate).toBe('2000-02-29');
    expect(parseSwedishPersonalNumber('010229-0004', now)).toBeNull();
  });
});

describe('parseSwedishOrgNumber (STANDARDS §7.2 vectors)', () => {
  it('802005-1952 and 857209-0606 are valid', () => {
    expect(parseSwedishOrgNumber('802005-1952')).toEqual({ kind: 'se_org', country: 'SE', normalized: '8020051952' });
    expect(parseSwedishOrgNumber('8572090606')).toEqual({ kind: 'se_org', country: 'SE', normalized: '8572090606' });
  });

  it('802005-1953 is invalid (check digit)', () => {
    expect(parseSwedishOrgNumber('802005-1953')).toBeNull();
  });

  it('8803200016 passes Luhn but is not an orgnr (third digit 0)', () => {
    expect(parseSwedishOrgNumber('8803200016')).toBeNull();
    expect(parseSwedishOrgNumber('880320-0016')).toBeNull();
  });

  it('12-digit form only with prefix 16', () => {
    expect(parseSwedishOrgNumber('16802005-1952')?.normalized).toBe('8020051952');
    expect(parseSwedishOrgNumber('168020051952')?.normalized).toBe('8020051952');
    expect(parseSwedishOrgNumber('19802005-1952')).toBeNull();
  });

  it('rejects first two digits < 10, serial 000, "+", letters and wrong lengths', () => {
    expect(parseSwedishOrgNumber('0820051951')).toBeNull(); // Luhn-valid, starts with 0
    expect(parseSwedishOrgNumber('5560000001')).toBeNull(); // Luhn-valid, serial 000
    expect(parseSwedishOrgNumber('802005+1952')).toBeNull();
    expect(parseSwedishOrgNumber('802005-195X')).toBeNull();
    expect(parseSwedishOrgNumber('802005-195')).toBeNull();
  });
});

describe('parseDanishCpr (STANDARDS §7.3 vectors)', () => {
  it('211062-5629 passes mod 11, 211062-5628 fails it but is still accepted', () => {
    expect(parseDanishCpr('211062-5629')).toMatchObject({ kind: 'dk_cpr', country: 'DK', normalized: '2110625629', cprMod11Ok: true });
    expect(parseDanishCpr('211062-5628')).toMatchObject({ kind: 'dk_cpr', normalized: '2110625628', cprMod11Ok: false });
  });

  it('takes the century from the 7th digit', () => {
    expect(parseDanishCpr('2110620629')?.birthDate).toBe('1962-10-21');
    expect(parseDanishCpr('2110525629')?.birthDate).toBe('2052-10-21');
    expect(parseDanishCpr('0101404000')?.birthDate).toBe('1940-01-01');
    expect(parseDanishCpr('0101364000')?.birthDate).toBe('2036-01-01');
    // 5–8 with YY > 57 → 1800s.
    expect(parseDanishCpr('211062-5629')?.birthDate).toBe('1862-10-21');
    // 9 follows the same rule as 4.
    expect(parseDanishCpr('0101369000')?.birthDate).toBe('2036-01-01');
    expect(parseDanishCpr('0101379000')?.birthDate).toBe('1937-01-01');
  });

  it("Criipto's MitID test CPR 2101270087 → 1927-01-21", () => {
    expect(parseDanishCpr('2101270087')).toEqual({
      kind: 'dk_cpr',
      country: 'DK',
      normalized: '2101270087',
      birthDate: '1927-01-21',
      cprMod11Ok: true,
    });
  });

  it('rejects impossible dates, letters and wrong lengths', () => {
    expect(parseDanishCpr('3002621234')).toBeNull(); // Feb 30
    expect(parseDanishCpr('2113621234')).toBeNull(); // month 13
    expect(parseDanishCpr('2902011234')).toBeNull(); // 29 Feb 1901
    expect(parseDanishCpr('2902001234')).toBeNull(); // 29 Feb 1900 (not a leap year)
    expect(parseDanishCpr('2902004234')?.birthDate).toBe('2000-02-29');
    expect(parseDanishCpr('211062-562A')).toBeNull();
    expect(parseDanishCpr('211062-562')).toBeNull();
    expect(parseDanishCpr('211062+5629')).toBeNull();
  });
});

describe('parseDanishCvr (STANDARDS §7.4 vectors)', () => {
  it('13585628 is valid, 13585627 is not', () => {
    expect(parseDanishCvr('13585628')).toEqual({ kind: 'dk_cvr', country: 'DK', normalized: '13585628' });
    expect(parseDanishCvr('1358 5628')?.normalized).toBe('13585628');
    expect(parseDanishCvr('13585627')).toBeNull();
  });

  it('rejects a leading 0, letters and wrong lengths', () => {
    expect(parseDanishCvr('00000000')).toBeNull(); // sum 0 ≡ 0 mod 11, but leading 0
    expect(parseDanishCvr('0135856X')).toBeNull();
    expect(parseDanishCvr('1358562')).toBeNull();
    expect(parseDanishCvr('135856280')).toBeNull();
  });
});

describe('parseIdentityNumber', () => {
  it("'880320-0016' → se_personal 198803200016", () => {
    expect(parseIdentityNumber('880320-0016', { now: new Date('2026-11-24') })).toEqual({
      kind: 'se_personal',
      country: 'SE',
      normalized: '198803200016',
      birthDate: '1988-03-20',
    });
  });

  it('8 digits → CVR', () => {
    expect(parseIdentityNumber('13585628')?.kind).toBe('dk_cvr');
    expect(parseIdentityNumber('13585628', { country: 'SE' })).toBeNull();
  });

  it('12 digits → SE personal, or 16 + orgnr → SE org', () => {
    expect(parseIdentityNumber('19821105-9954', { now })?.kind).toBe('se_personal');
    expect(parseIdentityNumber('16802005-1952', { now })).toEqual({ kind: 'se_org', country: 'SE', normalized: '8020051952' });
    expect(parseIdentityNumber('198211059954', { country: 'DK' })).toBeNull();
  });

  it('10 digits with a separator → SE unless country is DK', () => {
    expect(parseIdentityNumber('802005-1952', { now })?.kind).toBe('se_org');
    expect(parseIdentityNumber('090527+1474', { now })?.birthDate).toBe('1909-05-27');
    // A CPR typed with a dash is only read as CPR when the country is known to be DK.
    expect(parseIdentityNumber('211062-5629', { now })).toBeNull();
    expect(parseIdentityNumber('211062-5629', { country: 'DK', now })?.kind).toBe('dk_cpr');
    expect(parseIdentityNumber('880320-0016', { country: 'DK', now })).toBeNull(); // read as CPR: day 88
    expect(parseIdentityNumber('090527+1474', { country: 'DK', now })).toBeNull();
  });

  it('10 digits without separator → SE org, then SE personal, then DK CPR', () => {
    expect(parseIdentityNumber('8020051952', { now })?.kind).toBe('se_org');
    expect(parseIdentityNumber('8803200016', { now })?.kind).toBe('se_personal');
    expect(parseIdentityNumber('5705749959', { now })?.kind).toBe('se_coordination');
    expect(parseIdentityNumber('2101270087', { now })?.kind).toBe('dk_cpr');
    expect(parseIdentityNumber('8803200016', { country: 'DK', now })).toBeNull(); // day 88 is not a CPR date
    expect(parseIdentityNumber('2101270087', { country: 'SE', now })).toBeNull();
  });

  it('rejects garbage', () => {
    expect(parseIdentityNumber('')).toBeNull();
    expect(parseIdentityNumber('abc')).toBeNull();
    expect(parseIdentityNumber('880320-00')).toBeNull();
    expect(parseIdentityNumber('1358-5628')).toBeNull();
  });
});

describe('maskIdentityNumber', () => {
  const parse = (s: string, country?: 'SE' | 'DK'): ParsedIdentity => {
    const p = parseIdentityNumber(s, { now, ...(country ? { country } : {}) });
    if (!p) throw new Error(`did not parse: ${s}`);
    return p;
  };

  it('keeps only the birth-date part or the first 4 digits', () => {
    expect(maskIdentityNumber(parse('880320-0016'))).toBe('19880320-****');
    expect(maskIdentityNumber(parse('570574-9959'))).toBe('19570574-****');
    expect(maskIdentityNumber(parse('211062-5629', 'DK'))).toBe('211062-****');
    expect(maskIdentityNumber(parse('13585628'))).toBe('1358****');
    expect(maskIdentityNumber(parse('802005-1952'))).toBe('8020**-****');
  });
});
