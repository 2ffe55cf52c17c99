import { describe, expect, it } from 'vitest';
import { assertPayee, BgmaxProblem, decodeBgmax, parseBgmax, stampText } from './bgmax';
import { buildBgmax } from './bgmax-fixture';

// STANDARDS §6 "Tiny sample" verbatim (trailing blanks as printed there: short lines are padded).
const SAMPLE = [
  '01BGMAX               0120250325061500123456P',
  '050009912346          SEK',
  '200000000000100164                   000000000000845000210000000000010',
  '26Anna Andersson',
  '200054029681100263                   000000000000612500220000000000020',
  '29008020051952',
  '200000000000HYRA MARS LGH 1104       000000000000050000410000000000030',
  '15000000000000000000000330000123456782025032500001000000000001507500SEK00000003',
  '7000000003000000000000000000000001',
];
const sample = (eol = '\r\n') => Buffer.from(SAMPLE.map((l) => l.padEnd(80, ' ')).join(eol) + eol, 'latin1');

function problem(bytes: Buffer | string, landlordBankgiro?: string) {
  try {
    const file = parseBgmax(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
    if (landlordBankgiro !== undefined) assertPayee(file, landlordBankgiro);
  } catch (err) {
    if (err instanceof BgmaxProblem) return { code: err.code, line: err.line, ...err.detail };
    throw err;
  }
  return null;
}

const replaceLine = (lines: string[], index: number, line: string) => lines.map((l, i) => (i === index ? line : l)).join('\r\n');

describe('BgMax parser: STANDARDS §6 sample', () => {
  it('reads the sample as STANDARDS reads it', () => {
    const file = parseBgmax(sample());
    expect(file.stamp).toBe('20250325061500123456');
    expect(stampText(file.stamp)).toBe('2025-03-25 06:15:00');
    expect(file.test).toBe(false);
    expect(file.deposits).toEqual([
      expect.objectContaining({
        payeeBankgiro: '991-2346',
        date: '2025-03-25',
        totalMinor: 1_507_500,
        records: 3,
        currency: 'SEK',
        serial: '00001',
      }),
    ]);
    expect(file.payments.map((p) => [p.reference, p.amountMinor, p.referenceCode, p.channel, p.payerBankgiro, p.bankSerial])).toEqual([
      ['100164', 845_000, 2, 1, null, '000000000001'],
      ['100263', 612_500, 2, 2, '5402-9681', '000000000002'],
      ['HYRA MARS LGH 1104', 50_000, 4, 1, null, '000000000003'],
    ]);
    expect(file.payments[0]!.payerName).toBe('Anna Andersson');
    expect(file.payments[1]!.payerOrgNumber).toBe('8020051952');
    expect(file.payments.every((p) => p.depositDate === '2025-03-25')).toBe(true);
    expect(() => assertPayee(file, '991-2346')).not.toThrow();
  });

  it('reads LF files and files without trailing blanks the same as CRLF', () => {
    const crlf = parseBgmax(sample('\r\n'));
    expect(parseBgmax(sample('\n'))).toEqual(crlf);
    expect(parseBgmax(Buffer.from(SAMPLE.join('\n'), 'latin1'))).toEqual(crlf);
  });

  it('reads Latin-1, and UTF-8 when the bytes are clean UTF-8', () => {
    const spec = {
      payeeBankgiro: '991-2346',
      deposits: [
        { date: '2025-03-25', payments: [{ reference: '100164', amountMinor: 100, serial: 1, name: 'Kalles Plåt AB', town: 'Storåker' }] },
      ],
    };
    const text = buildBgmax(spec);
    const latin = parseBgmax(Buffer.from(text, 'latin1'));
    const utf8 = parseBgmax(Buffer.from(text, 'utf8'));
    expect(latin.encoding).toBe('latin1');
    expect(utf8.encoding).toBe('utf-8');
    expect(latin.payments[0]!.payerName).toBe('Kalles Plåt AB');
    expect(utf8.payments[0]!.payerName).toBe('Kalles Plåt AB');
    expect(utf8.payments[0]!.payerAddress?.town).toBe('Storåker');
    // A UTF-8 byte-order mark is dropped.
    expect(decodeBgmax(Buffer.from('\uFEFF01', 'utf8')).text).toBe('01');
  });
});

describe('BgMax parser: a file like Bankgirot\u2019s example (two deposits, TK21/22/25–29)', () => {
  const file = buildBgmax({
    payeeBankgiro: '991-2346',
    stamp: '20040525173035010331',
    deposits: [
      {
        date: '2004-05-25',
        serial: 74,
        payments: [
          {
            reference: '655969',
            rightAlign: true,
            amountMinor: 100_000,
            serial: 1,
            payerBankgiro: '3783511',
            name: 'Kalles Plåt AB',
            street: 'Storgatan 2',
            postalCode: '12345',
            town: 'Storåker',
            orgNumber: '5500001234',
          },
          { reference: '89853', amountMinor: 50_000, code: 3, channel: 2, serial: 2, deduction: true, payerBankgiro: '3783511' },
          {
            reference: '657866 658765 657767',
            amountMinor: 140_000,
            code: 3,
            channel: 2,
            serial: 3,
            extraReferences: ['657866', '658765', '657767', '657965'],
            information: ['Betalning med extra refnr 657965'],
          },
        ],
      },
      {
        date: '2004-05-25',
        serial: 75,
        payments: [
          { reference: '650861', amountMinor: 110_000, serial: 4 },
          { reference: '', amountMinor: 120_000, code: 1, channel: 3, serial: 5 },
        ],
      },
    ],
  });

  it('reconciles 1000.00 − 500.00 + 1400.00 = 1900.00 and keeps each payment\u2019s records', () => {
    const parsed = parseBgmax(Buffer.from(file, 'latin1'));
    expect(parsed.deposits.map((d) => [d.serial, d.totalMinor, d.records])).toEqual([
      ['00074', 190_000, 3],
      ['00075', 230_000, 2],
    ]);
    const [first, deduction, several, , none] = parsed.payments;
    expect(first!.reference).toBe('655969');
    expect(first!.payerAddress).toEqual({ street: 'Storgatan 2', postalCode: '12345', town: 'Storåker', country: '', countryCode: '' });
    expect(first!.payerOrgNumber).toBe('5500001234');
    expect(deduction!.kind).toBe('deduction');
    expect(deduction!.deductionCode).toBe('0');
    expect(several!.extraReferences).toEqual(['657866', '658765', '657767', '657965']);
    expect(several!.information).toEqual(['Betalning med extra refnr 657965']);
    expect(none!.reference).toBe('');
    expect(none!.referenceCode).toBe(1);
  });
});

describe('BgMax parser: broken files', () => {
  it('refuses what is not BgMax', () => {
    expect(problem('')).toMatchObject({ code: 'bgmax_not_bgmax', line: 1 });
    expect(problem('date;amount\n2025-03-25;100\n')).toMatchObject({ code: 'bgmax_not_bgmax', line: 1 });
    expect(problem(replaceLine(SAMPLE, 0, '01BGMIN               0120250325061500123456P'))).toMatchObject({
      code: 'bgmax_not_bgmax',
      line: 1,
    });
  });

  it('refuses a deposit whose total is not Σ TK20 − Σ TK21, at the TK15', () => {
    const broken = replaceLine(SAMPLE, 7, '15000000000000000000000330000123456782025032500001000000000001507501SEK00000003');
    expect(problem(broken)).toEqual({ code: 'bgmax_deposit_total', line: 8, expected: 1_507_501, actual: 1_507_500 });
  });

  it('refuses wrong record counts in TK15 and TK70', () => {
    expect(
      problem(replaceLine(SAMPLE, 7, '15000000000000000000000330000123456782025032500001000000000001507500SEK00000004')),
    ).toMatchObject({
      code: 'bgmax_record_count',
      line: 8,
    });
    expect(problem(replaceLine(SAMPLE, 8, '7000000004000000000000000000000001'))).toEqual({
      code: 'bgmax_record_count',
      line: 9,
      record: 'tk20',
      expected: 4,
      actual: 3,
    });
    expect(problem(replaceLine(SAMPLE, 8, '7000000003000000000000000000000002'))).toMatchObject({
      code: 'bgmax_record_count',
      record: 'tk15',
    });
  });

  it('refuses bad records with their line', () => {
    // Letters in the amount.
    expect(problem(replaceLine(SAMPLE, 2, '200000000000100164                   0000000000008450X0210000000000010'))).toMatchObject({
      code: 'bgmax_bad_record',
      line: 3,
      field: 'amount',
    });
    // An unknown record type.
    expect(problem(replaceLine(SAMPLE, 3, '99Anna Andersson'))).toMatchObject({ code: 'bgmax_bad_record', line: 4, field: 'record_type' });
    // A line longer than 80 characters.
    expect(problem(replaceLine(SAMPLE, 3, `26${'x'.repeat(79)}`))).toMatchObject({ code: 'bgmax_bad_record', line: 4, field: 'length' });
    // A name record before any payment.
    const early = [...SAMPLE.slice(0, 2), '26Anna Andersson', ...SAMPLE.slice(2)].join('\n');
    expect(problem(early)).toMatchObject({ code: 'bgmax_bad_record', line: 3, field: 'no_payment' });
    // No end record.
    expect(problem(SAMPLE.slice(0, 8).join('\n'))).toMatchObject({ code: 'bgmax_bad_record', line: 9, field: 'missing_end' });
    // An impossible payment date.
    expect(
      problem(replaceLine(SAMPLE, 7, '15000000000000000000000330000123456782025023000001000000000001507500SEK00000003')),
    ).toMatchObject({
      code: 'bgmax_bad_record',
      line: 8,
      field: 'date',
    });
    // Records after the end.
    expect(problem(`${SAMPLE.join('\n')}\n26Anna`)).toMatchObject({ code: 'bgmax_bad_record', line: 10, field: 'after_end' });
  });

  it('refuses a file to another payee at its TK05', () => {
    expect(problem(sample(), '5402-9681')).toEqual({ code: 'bgmax_foreign_bankgiro', line: 2, bankgiro: '991-2346' });
    expect(problem(sample(), '')).toMatchObject({ code: 'bgmax_foreign_bankgiro' });
  });

  it('marks test files', () => {
    expect(parseBgmax(Buffer.from(replaceLine(SAMPLE, 0, '01BGMAX               0120250325061500123456T'))).test).toBe(true);
  });
});
