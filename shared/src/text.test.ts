import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { BIDI_CONTROLS, hasForbiddenCharacters, isoDate, isoDateTime, isoMonth, multiLine, oneLine, textProblem, verbatim } from './text';

const codes = (schema: z.ZodType, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []).map((i) => (i.code === 'custom' ? (i.params as { code: string }).code : i.code));

describe('text rules', () => {
  it('refuses NUL, other C0/C1 controls, DEL and half surrogate pairs everywhere', () => {
    for (const bad of ['\u0000', 'a\u0001', '\u001b[0m', '\u007f', '\u0085', '\u009f', '\ud800', 'x\udc00']) {
      expect(hasForbiddenCharacters(bad), JSON.stringify(bad)).toBe(true);
      expect(textProblem(bad, true)).toBe('invalid_characters');
      expect(codes(oneLine(), bad)).toContain('invalid_characters');
      expect(codes(multiLine(), bad)).toContain('invalid_characters');
      expect(codes(verbatim(), bad)).toContain('invalid_characters');
    }
    expect(hasForbiddenCharacters('Tab\tLF\nCR\r 💧 åäö')).toBe(false);
  });

  it('keeps line breaks and tabs in multi-line text only', () => {
    expect(multiLine().parse('  Rad 1\r\nRad 2\n\tindrag  ')).toBe('Rad 1\r\nRad 2\n\tindrag');
    for (const bad of ['a\nb', 'a\rb', 'a\u2028b', 'a\u2029b']) expect(codes(oneLine(), bad)).toEqual(['line_breaks_not_allowed']);
    expect(codes(oneLine(), 'a\tb')).toEqual(['invalid_characters']);
    // Trimming happens first: a trailing newline from a paste is not an error.
    expect(oneLine().parse(' Ämne \n')).toBe('Ämne');
    expect(verbatim().parse(' lösen ord ')).toBe(' lösen ord ');
  });

  it('keeps dates between 1900 and 2200', () => {
    expect(codes(isoDate(), '0000-01-01')).toEqual(['date_out_of_range']);
    expect(codes(isoDate(), '2201-01-01')).toEqual(['date_out_of_range']);
    expect(isoDate().parse('1900-01-01')).toBe('1900-01-01');
    expect(codes(isoDateTime(), '0000-01-01T00:00:00Z')).toEqual(['date_out_of_range']);
    expect(isoDateTime().parse('2200-12-31T23:59:59+01:00')).toBe('2200-12-31T23:59:59+01:00');
    expect(codes(isoMonth(), '1899-12')).toEqual(['date_out_of_range']);
    expect(codes(isoMonth(), '2026-13')).toEqual(['invalid_format']);
    expect(isoMonth().parse('2026-02')).toBe('2026-02');
  });

  it('finds every bidirectional control', () => {
    const all = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(`a${all}b`.replace(BIDI_CONTROLS, '')).toBe('ab');
  });
});
