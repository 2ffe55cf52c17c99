import { describe, expect, it } from 'vitest';
import { convert, KINDS, readDate, readNumber, suggestMapping } from './fields';

describe('reading spreadsheet values', () => {
  it('reads Nordic and English numbers, and nothing else', () => {
    expect(readNumber('1 234,50')).toBe(1234.5);
    expect(readNumber('1\u00a0234,5')).toBe(1234.5);
    expect(readNumber('1.234,50')).toBe(1234.5);
    expect(readNumber('1,234.50')).toBe(1234.5);
    expect(readNumber('64,5')).toBe(64.5);
    expect(readNumber('−12')).toBe(-12);
    for (const bad of ['', 'stor', '12 kr', '1,2,3', '--1']) expect(readNumber(bad), bad).toBeUndefined();
  });

  it('reads ISO and Nordic dates and refuses impossible ones', () => {
    expect(readDate('2024-01-31')).toBe('2024-01-31');
    expect(readDate('31.01.2024')).toBe('2024-01-31');
    expect(readDate('1-2-2024')).toBe('2024-02-01');
    for (const bad of ['2024-02-30', '31/13/2024', '2024', 'idag']) expect(readDate(bad), bad).toBeUndefined();
  });

  it('converts money to minor units, enum words in any language, lists and whole numbers', () => {
    const lease = KINDS.leases.fields;
    const field = (key: string) => lease.find((f) => f.key === key)!;
    expect(convert(field('rent'), '8 450,00')).toEqual({ value: 845_000 });
    expect(convert(field('type'), 'Lokal')).toEqual({ value: 'commercial' });
    expect(convert(field('type'), 'Bolig')).toEqual({ value: 'residential' });
    expect(convert(field('type'), 'castle')).toEqual({ invalid: true });
    expect(convert(field('unitExternalIds'), 'A-101; A-102,A-103')).toEqual({ value: ['A-101', 'A-102', 'A-103'] });
    expect(convert(field('vatRate'), '25 %')).toEqual({ value: 25 });
    expect(convert(field('noticePeriodMonths'), '2,5')).toEqual({ invalid: true });
  });
});

describe('building the upsert input', () => {
  it('turns money columns into rent lines and contact columns into a contact, naming the column of each path', () => {
    const lease = KINDS.leases.build({ externalId: 'L-1', rent: 845_000, parking: 65_000, vatRate: 25 });
    expect(lease.input).toEqual({
      externalId: 'L-1',
      rentLines: [
        { kind: 'rent', amountMinor: 845_000, vatRate: 25 },
        { kind: 'parking', amountMinor: 65_000, vatRate: 25 },
      ],
    });
    expect(lease.fieldOf(['rentLines', 1, 'amountMinor'])).toBe('parking');
    expect(lease.fieldOf(['rentLines', 0, 'vatRate'])).toBe('vatRate');
    const customer = KINDS.customers.build({ name: 'Anna', contactEmail: 'a@x.se' });
    expect(customer.input).toEqual({ name: 'Anna', contacts: [{ name: 'Anna', email: 'a@x.se' }] });
    expect(customer.fieldOf(['contacts', 0, 'email'])).toBe('contactEmail');
    expect(KINDS.customers.build({ name: 'Anna' }).input).toEqual({ name: 'Anna', contacts: [] });
  });

  it('suggests fields from headers in sv, da and en, and prefers the remembered mapping', () => {
    expect(suggestMapping('units', ['Lägenhetsnummer', 'Lejemålsnummer'], undefined)).toEqual({ Lägenhetsnummer: 'number' });
    expect(suggestMapping('units', ['Unit number', 'Colour'], undefined)).toEqual({ 'Unit number': 'number' });
    expect(suggestMapping('units', ['LGH NR', 'Colour'], { lghnr: 'number', colour: null })).toEqual({ 'LGH NR': 'number', Colour: null });
  });
});
