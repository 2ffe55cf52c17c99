import { describe, expect, it } from 'vitest';
import {
  autogiroHolderId,
  autogiroMandateFile,
  betalingsserviceCsv,
  checkMandateInput,
  maskLast4,
  normaliseClearing,
  tk01Record,
  tk04Record,
} from './direct-debit';

const mod11 = (digits: string, weights: number[]) => weights.reduce((s, w, i) => s + w * Number(digits[i]), 0) % 11 === 0;

describe('Betalingsservice input (STANDARDS §5.1, §7.3, §7.4)', () => {
  const bs = (bankCode: string, bankAccount: string, holderId: string) =>
    checkMandateInput('betalingsservice', { bankCode, bankAccount, holderId });

  it('takes a 4-digit reg. no. and a 1–10 digit account, spaces and dashes dropped', () => {
    expect(bs('1234', '12 3456 7890', '211062-5629')).toEqual({
      ok: true,
      value: { bankCode: '1234', bankAccount: '1234567890', holderId: '2110625629', holderKind: 'dk_cpr', warnings: [] },
    });
    expect(bs('5301', '1', '2110625629').ok).toBe(true);
  });

  it('never applies a mod-11 to Danish account numbers', () => {
    const failing = ['1234567890', '0000000001', '9876543210'].filter((a) => !mod11(a, [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]));
    expect(failing.length).toBeGreaterThan(1);
    for (const account of failing) expect(bs('1234', account, '2110625629').ok).toBe(true);
  });

  it.each([
    ['123', '1234567890', '2110625629', 'mandate_bad_bank_code'],
    ['12345', '1234567890', '2110625629', 'mandate_bad_bank_code'],
    ['12a4', '1234567890', '2110625629', 'mandate_bad_bank_code'],
    ['1234', '12345678901', '2110625629', 'mandate_bad_account'],
    ['1234', '', '2110625629', 'mandate_bad_account'],
    ['1234', '12x4', '2110625629', 'mandate_bad_account'],
    ['1234', '1234567890', '3213625629', 'mandate_bad_holder_id'],
    ['1234', '1234567890', '13585627', 'mandate_bad_holder_id'],
    ['1234', '1234567890', '21106256', 'mandate_bad_holder_id'],
  ])('refuses %s / %s / %s with %s', (bankCode, account, id, problem) => {
    expect(bs(bankCode, account, id)).toEqual({ ok: false, problem });
  });

  it('accepts a CPR failing mod 11 with a warning only (211062-5628)', () => {
    const r = bs('1234', '1234567890', '211062-5628');
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ holderId: '2110625628', warnings: ['cpr_mod11'] }) });
  });

  it('takes the CPR vectors by their real dates and the CVR by mod 11', () => {
    for (const cpr of ['2110620629', '2110525629', '0101404000', '0101364000', '2101270087']) expect(bs('1234', '1', cpr).ok).toBe(true);
    expect(bs('1234', '1', '13585628')).toEqual({
      ok: true,
      value: expect.objectContaining({ holderId: '13585628', holderKind: 'dk_cvr' }),
    });
  });
});

describe('Autogiro input (STANDARDS §5.2, §7.1, §7.2)', () => {
  const ag = (bankCode: string, bankAccount: string, holderId: string) =>
    checkMandateInput('autogiro', { bankCode, bankAccount, holderId });

  it('drops the 5th digit of a Swedbank clearing number', () => {
    expect(normaliseClearing('8927-9')).toBe('8927');
    expect(normaliseClearing('3300')).toBe('3300');
    expect(normaliseClearing('6000')).toBe('6000');
    expect(normaliseClearing('7927-9')).toBeNull();
    expect(normaliseClearing('330')).toBeNull();
    expect(ag('8327-9', '123 456 789', '880320-0016')).toEqual({
      ok: true,
      value: { bankCode: '8327', bankAccount: '123456789', holderId: '198803200016', holderKind: 'se_personal', warnings: [] },
    });
  });

  it('takes personnummer and organisationsnummer by their vectors', () => {
    expect(ag('3300', '1212121212', '19821105-9954')).toMatchObject({ ok: true, value: { holderId: '198211059954' } });
    expect(ag('3300', '1212121212', '802005-1952')).toMatchObject({ ok: true, value: { holderId: '8020051952', holderKind: 'se_org' } });
    expect(ag('3300', '1212121212', '857209-0606')).toMatchObject({ ok: true, value: { holderKind: 'se_org' } });
    expect(ag('3300', '1212121212', '8803200016')).toMatchObject({ ok: true, value: { holderKind: 'se_personal' } });
  });

  it.each([
    ['33', '1212121212', '880320-0016', 'mandate_bad_bank_code'],
    ['3300', '1234567890123', '880320-0016', 'mandate_bad_account'],
    ['3300', '1212121212', '880320-0018', 'mandate_bad_holder_id'],
    ['3300', '1212121212', '802005-1953', 'mandate_bad_holder_id'],
    ['3300', '1212121212', '19390182-9913', 'mandate_bad_holder_id'],
  ])('refuses %s / %s / %s with %s', (bankCode, account, id, problem) => {
    expect(ag(bankCode, account, id)).toEqual({ ok: false, problem });
  });
});

describe('Autogiro medgivande file', () => {
  it('writes the TK04 record of STANDARDS §5.2 exactly', () => {
    expect(
      tk04Record({ bankgiro: '991-2346', payerNumber: '101', clearing: '3300', account: '1212121212', holderId: '191212121212' }),
    ).toBe('04000991234600000000000001013300001212121212191212121212');
  });

  it('writes an organisationsnummer as 00 + 10 digits', () => {
    expect(autogiroHolderId('8020051952')).toBe('008020051952');
    expect(tk04Record({ bankgiro: '5050-1055', payerNumber: '1', clearing: '8327', account: '9', holderId: '8020051952' }).slice(44)).toBe(
      '008020051952',
    );
  });

  it('opens the file with TK01 as byrokrat/autogiro writes it', () => {
    expect(tk01Record({ date: '2017-01-11', customerNumber: '666666', bankgiro: '1111-1119' })).toBe(
      `0120170111AUTOGIRO${' '.repeat(44)}6666660011111119`,
    );
    const file = autogiroMandateFile({ date: '2017-01-11', customerNumber: '666666', bankgiro: '991-2346' }, [
      { payerNumber: '101', clearing: '3300', account: '1212121212', holderId: '191212121212' },
    ]);
    expect(file.split('\r\n')).toEqual([
      `0120170111AUTOGIRO${' '.repeat(44)}6666660009912346`,
      '04000991234600000000000001013300001212121212191212121212',
      '',
    ]);
    expect(file.split('\r\n')[0]).toHaveLength(78); // 80 positions, trailing blanks trimmed
  });

  it('refuses to write what it cannot (bad payer number, clearing)', () => {
    const base = { bankgiro: '991-2346', payerNumber: '101', clearing: '3300', account: '1', holderId: '191212121212' };
    expect(() => tk04Record({ ...base, payerNumber: '12345678901234567' })).toThrow();
    expect(() => tk04Record({ ...base, clearing: '89279' })).toThrow();
  });
});

describe('Betalingsservice CSV', () => {
  it('has the header and one ;-separated row per mandate, quoting where needed', () => {
    const csv = betalingsserviceCsv([
      {
        payerNumber: '000101',
        holderId: '2110625629',
        regNo: '1234',
        account: '0012345678',
        holderName: 'Jens "JJ"; Hansen',
        createdOn: '2027-03-01',
      },
    ]);
    expect(csv).toBe(
      'kundenummer;cpr_cvr;regnr;kontonr;navn;oprettet\r\n000101;2110625629;1234;0012345678;"Jens ""JJ""; Hansen";2027-03-01\r\n',
    );
  });

  it('masks all but the last 4 digits', () => {
    expect(maskLast4('1234567890')).toBe('••••7890');
    expect(maskLast4('12')).toBe('12');
  });
});
