import { describe, expect, it } from 'vitest';
import { fik71Line, makeFik71PaymentId, parseFikLine } from './fik';
import { isValidOcr, makeOcr, ocrProblem } from './ocr';

describe('OCR references (STANDARDS §1.3)', () => {
  it.each([
    ['123', 'check', '1230'],
    ['4711', 'check', '47118'],
    ['123', 'length', '12351'],
    ['2019121', 'length', '201912193'],
    ['12345', 'length', '1234574'],
    ['1234567890', 'length', '123456789023'],
    ['12345678', 'length', '1234567806'],
    ['1001', 'length', '100164'],
    ['1002', 'length', '100263'],
  ] as const)('makes %s under %s → %s', (base, control, expected) => {
    expect(makeOcr(base, { control })).toBe(expected);
  });

  it('pads to the agreed fixed length', () => {
    const ocr = makeOcr('1001', { control: 'fixed', fixedLengths: [10] });
    expect(ocr).toHaveLength(10);
    expect(isValidOcr(ocr, { control: 'fixed', fixedLengths: [10] })).toBe(true);
    expect(() => makeOcr('1234567890', { control: 'fixed', fixedLengths: [10] })).toThrow();
  });

  it.each(['1636976', '18108401345678778', '1202951008'])('accepts %s under mod 10', (ref) => {
    expect(ocrProblem(ref, { control: 'check' })).toBeNull();
  });

  it('accepts 1636976 under variable length too', () => expect(isValidOcr('1636976', { control: 'length' })).toBe(true));
  it('refuses a wrong check digit', () => expect(ocrProblem('1234575', { control: 'check' })).toBe('ocr_check_digit'));
  it('refuses a wrong length digit', () => expect(ocrProblem('1636919', { control: 'length' })).toBe('ocr_length_digit'));
  it('refuses the odoo-style first-digit length (1234567814)', () =>
    expect(ocrProblem('1234567814', { control: 'length' })).toBe('ocr_length_digit'));
  it('refuses a length not agreed', () => {
    expect(ocrProblem('1234574', { control: 'fixed', fixedLengths: [8, 10] })).toBe('ocr_length');
  });
  it('refuses 1 and 26 digits, and letters', () => {
    expect(ocrProblem('0', { control: 'check' })).toBe('ocr_length');
    expect(ocrProblem('1'.repeat(25) + '8', { control: 'check' })).toBe('ocr_length');
    expect(ocrProblem('12a4', { control: 'check' })).toBe('ocr_format');
  });
});

describe('FI payment strings (STANDARDS §4.3)', () => {
  it.each([
    ['02684014996532', '026840149965328'],
    ['1', '000000000000018'],
    ['6709753', '000000067097535'],
  ])('makes the +71 id for %s', (base, id) => expect(makeFik71PaymentId(base)).toBe(id));

  it('builds and reads back a +71 line', () => {
    const line = fik71Line(makeFik71PaymentId('02684014996532'), '85799665');
    expect(line).toBe('+71<026840149965328+85799665<');
    expect(parseFikLine(line)).toEqual({ kind: '71', paymentId: '026840149965328', account: '85799665' });
  });

  it.each(['+71< 000000067097535+85799665<', '+75<0020250301000425+85799665<', '+73<+85799665<'])('accepts %s', (line) => {
    expect(typeof parseFikLine(line)).toBe('object');
  });

  it.each([
    ['+71<026840149965327+85799665<', 'fik_check_digit'],
    ['+71<26840149965328+85799665<', 'fik_length'],
    ['+71<026840149965328+12345678<', 'fik_creditor'],
    ['71 026840149965328 85799665', 'fik_format'],
  ])('refuses %s', (line, problem) => expect(parseFikLine(line)).toBe(problem));
});
