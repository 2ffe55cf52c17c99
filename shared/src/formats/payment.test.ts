import { describe, expect, it } from 'vitest';
import { luhnValid, parseBankgiro, parseBic, parseFiCreditor, parseIban, parsePlusgiro } from './payment';

describe('bankgiro and plusgiro (STANDARDS §1 "Related" vectors)', () => {
  it('5402-9681 and 991-2346 are valid bankgiro numbers', () => {
    expect(parseBankgiro('5402-9681')).toBe('5402-9681');
    expect(parseBankgiro('54029681')).toBe('5402-9681');
    expect(parseBankgiro('991-2346')).toBe('991-2346');
  });
  it('991-2347 fails the check digit (§2.2 invalid vector)', () => {
    expect(parseBankgiro('991-2347')).toBeNull();
  });
  it('a bankgiro is 7 or 8 digits', () => {
    expect(parseBankgiro('18')).toBeNull();
    expect(parseBankgiro('123456789')).toBeNull();
    expect(parseBankgiro('5402-968x')).toBeNull();
  });
  it('PG 28 65 43-4 (2865434) is a valid plusgiro number; a changed digit is not', () => {
    expect(parsePlusgiro('28 65 43-4')).toBe('286543-4');
    expect(parsePlusgiro('2865434')).toBe('286543-4');
    expect(parsePlusgiro('2865435')).toBeNull();
  });
  it('Luhn over the OCR vectors of §1.3', () => {
    for (const ok of ['1636976', '18108401345678778', '1202951008', '1230', '47118']) expect(luhnValid(ok)).toBe(true);
    expect(luhnValid('1234575')).toBe(false);
  });
});

describe('FI creditor number (STANDARDS §4.1)', () => {
  it('85799665 is valid (8 digits starting with 8)', () => {
    expect(parseFiCreditor('85799665')).toBe('85799665');
    expect(parseFiCreditor('8579 9665')).toBe('85799665');
  });
  it('12345678 does not start with 8 (§4.3 invalid vector); lengths other than 8 fail', () => {
    expect(parseFiCreditor('12345678')).toBeNull();
    expect(parseFiCreditor('8579966')).toBeNull();
    expect(parseFiCreditor('857996650')).toBeNull();
  });
});

describe('IBAN and BIC (STANDARDS §3)', () => {
  it('the mod-97 vectors pass', () => {
    for (const iban of ['DE89370400440532013000', 'SE4550000000058398257466', 'DK5000400440116243', 'FI2112345600000785']) {
      expect(parseIban(iban)).toBe(iban);
    }
    expect(parseIban('se45 5000 0000 0583 9825 7466')).toBe('SE4550000000058398257466');
  });
  it('DE89370400440532013001 fails mod 97', () => {
    expect(parseIban('DE89370400440532013001')).toBeNull();
    expect(parseIban('XX')).toBeNull();
  });
  it('BIC: 8 or 11 characters', () => {
    expect(parseBic('HANDSESS')).toBe('HANDSESS');
    expect(parseBic('danbdkkkxxx')).toBe('DANBDKKKXXX');
    expect(parseBic('HANDSES')).toBeNull();
    expect(parseBic('1ANDSESS')).toBeNull();
  });
});
