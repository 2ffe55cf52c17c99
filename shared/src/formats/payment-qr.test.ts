import { describe, expect, it } from 'vitest';
import { epcAmount, epcQrProblems, isValidRfReference, makeEpcQr, makeRfReference, makeUsingQr, usingQrProblems } from './payment-qr';

// STANDARDS §2.2
const USING_QR_VALID =
  '{"uqr":1,"tp":1,"nme":"Hyresvärden AB","cid":"556677-8899","iref":"1234574","idt":"20250301","ddt":"20250331","due":8450.0,"pt":"BG","acc":"991-2346","cur":"SEK"}';
// STANDARDS §2.1 (weep/UsingQR's test payload)
const USING_QR_LIBRARY =
  '{"uqr":1,"tp":1,"nme":"Test company AB","cid":"555555-5555","iref":"52456","ddt":"20130408","due":5,"pt":"BG","acc":"433-8778"}';
// STANDARDS §3
const EPC_VALID = 'BCD\n002\n1\nSCT\n\nFastighets AB Exempel\nFI2112345600000785\nEUR1250.5\n\nRF18539007547034';
const EPC_INVALID = 'BCD\n001\n1\nSCT\n\nX\nDE89370400440532013001\nEUR12,30';

describe('RF creditor reference (ISO 11649)', () => {
  it('builds the §3 vector from the OCR digits and checks mod 97', () => {
    expect(makeRfReference('539007547034')).toBe('RF18539007547034');
    expect(isValidRfReference('RF18539007547034')).toBe(true);
    expect(isValidRfReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidRfReference('RF18539007547035')).toBe(false);
    expect(isValidRfReference('RF19539007547034')).toBe(false);
    expect(isValidRfReference('XX18539007547034')).toBe(false);
  });
  it('pads single-digit checks and round-trips', () => {
    for (const ref of ['1', '1234574', '0020250301000425', 'ABC123']) expect(isValidRfReference(makeRfReference(ref))).toBe(true);
    expect(makeRfReference('1')).toMatch(/^RF\d{2}1$/);
    expect(() => makeRfReference('')).toThrow();
    expect(() => makeRfReference('1'.repeat(22))).toThrow();
  });
});

describe('UsingQR (Swedish invoice QR)', () => {
  it('accepts the §2.2 vector and the library example', () => {
    expect(usingQrProblems(USING_QR_VALID)).toEqual([]);
    expect(usingQrProblems(USING_QR_LIBRARY)).toEqual([]);
  });
  it('finds the three errors of the §2.2 invalid vector', () => {
    const bad = JSON.parse(USING_QR_VALID);
    delete bad.cid;
    bad.due = -100;
    bad.acc = '991-2347';
    expect(usingQrProblems(JSON.stringify(bad)).sort()).toEqual(['acc_check_digit', 'due_not_positive', 'missing_cid']);
  });
  it('rejects other broken payloads', () => {
    expect(usingQrProblems('not json')).toEqual(['json']);
    expect(usingQrProblems('[1]')).toEqual(['json']);
    const base = JSON.parse(USING_QR_VALID);
    expect(usingQrProblems(JSON.stringify({ ...base, tp: 4 }))).toEqual(['tp']);
    expect(usingQrProblems(JSON.stringify({ ...base, pt: 'SWISH' }))).toEqual(['pt']);
    expect(usingQrProblems(JSON.stringify({ ...base, ddt: '20250231' }))).toEqual(['ddt']);
    expect(usingQrProblems(JSON.stringify({ ...base, iref: '1234575' }))).toEqual(['iref_check_digit']);
    // A credit note may carry a negative amount.
    expect(usingQrProblems(JSON.stringify({ ...base, tp: 2, due: -100 }))).toEqual([]);
  });
  it('builds the §2.2 vector from a notice', () => {
    const json = makeUsingQr({
      payeeName: 'Hyresvärden AB',
      orgNumber: '556677-8899',
      reference: '1234574',
      issueDate: '2025-03-01',
      dueDate: '2025-03-31',
      amountMinor: 845_000,
      currency: 'SEK',
      paymentType: 'BG',
      account: '991-2346',
    });
    expect(JSON.parse(json)).toEqual(JSON.parse(USING_QR_VALID));
    expect(json).toBe(USING_QR_VALID.replace('8450.0', '8450'));
    const withCountry = JSON.parse(
      makeUsingQr({
        payeeName: 'X',
        country: 'SE',
        orgNumber: '556677-8899',
        reference: '1234574',
        amountMinor: 1050,
        currency: 'SEK',
        paymentType: 'PG',
        account: '28 65 43-4',
        creditNote: true,
      }),
    );
    expect(withCountry).toMatchObject({ tp: 2, cc: 'SE', due: 10.5, pt: 'PG' });
    expect(Object.keys(withCountry).slice(0, 5)).toEqual(['uqr', 'tp', 'nme', 'cc', 'cid']);
  });
});

describe('EPC069-12 QR', () => {
  it('builds the §3 vector exactly and accepts it', () => {
    const payload = makeEpcQr({
      name: 'Fastighets AB Exempel',
      iban: 'FI21 1234 5600 0007 85',
      amountMinor: 125_050,
      reference: '539007547034',
    });
    expect(payload).toBe(EPC_VALID);
    expect(epcQrProblems(EPC_VALID)).toEqual([]);
    expect(epcQrProblems(EPC_VALID.replaceAll('\n', '\r\n'))).toEqual([]);
  });
  it('finds the three errors of the §3 invalid vector', () => {
    expect(epcQrProblems(EPC_INVALID).sort()).toEqual(['amount', 'bic_required', 'iban']);
  });
  it('rejects a bad RF reference, both remittances, a bad BIC and an overlong payload', () => {
    expect(epcQrProblems(EPC_VALID.replace('RF18539007547034', 'RF18539007547035'))).toEqual(['rf_reference']);
    expect(epcQrProblems(`${EPC_VALID}\nrent`)).toEqual(['both_remittances']);
    expect(epcQrProblems(EPC_VALID.replace('SCT\n\n', 'SCT\nNOTABIC!\n'))).toEqual(['bic']);
    expect(
      epcQrProblems(`${EPC_VALID.replace('\nRF18539007547034', '\n')}\n${'x'.repeat(140)}\n${'y'.repeat(70)}\n${'z'.repeat(100)}`),
    ).toContain('too_long');
    // Version 001 with a BIC is fine.
    expect(epcQrProblems(EPC_VALID.replace('002\n1\nSCT\n\n', '001\n1\nSCT\nNDEAFIHH\n'))).toEqual([]);
  });
  it('puts a reference too long for RF in the unstructured line', () => {
    const long = '1'.repeat(24);
    const payload = makeEpcQr({ name: 'X', iban: 'DE89370400440532013000', amountMinor: 100, reference: long });
    expect(payload.split('\n').slice(9)).toEqual(['', long]);
    expect(epcQrProblems(payload)).toEqual([]);
  });
  it('formats amounts with a point and at most two decimals', () => {
    expect(epcAmount(1230)).toBe('12.3');
    expect(epcAmount(1205)).toBe('12.05');
    expect(epcAmount(1200)).toBe('12');
    expect(epcAmount(1)).toBe('0.01');
    expect(() => epcAmount(0)).toThrow();
    expect(makeEpcQr({ name: 'X', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', amountMinor: 1230 })).toBe(
      'BCD\n002\n1\nSCT\nCOBADEFFXXX\nX\nDE89370400440532013000\nEUR12.3',
    );
  });
});
