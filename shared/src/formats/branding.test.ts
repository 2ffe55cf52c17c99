import { describe, expect, it } from 'vitest';
import { brandColourProblem, contrastRatio, parseSmsSender } from './branding';

describe('brand colour under white text (WCAG AA 4.5:1)', () => {
  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 is the classic lightest grey that passes AA on white (4.54).
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });
  it('dark colours pass, light ones are refused, malformed ones are invalid', () => {
    expect(brandColourProblem('#1a5fb4')).toBeNull();
    expect(brandColourProblem('#767676')).toBeNull();
    expect(brandColourProblem('#777777')).toBe('colour_contrast_too_low');
    expect(brandColourProblem('#ffcc00')).toBe('colour_contrast_too_low');
    expect(brandColourProblem('1a5fb4')).toBe('colour_invalid');
    expect(brandColourProblem('#1a5fb')).toBe('colour_invalid');
    expect(brandColourProblem('red')).toBe('colour_invalid');
  });
});

describe('SMS sender (STANDARDS §9)', () => {
  it('up to 11 letters and digits with a letter', () => {
    expect(parseSmsSender('Hyresportal')).toBe('Hyresportal');
    expect(parseSmsSender('Udlejer')).toBe('Udlejer');
    expect(parseSmsSender('Gota2')).toBe('Gota2');
    expect(parseSmsSender('Hyresportal1')).toBeNull();
    expect(parseSmsSender('Göta')).toBeNull();
    expect(parseSmsSender('Göta Hem')).toBeNull();
    expect(parseSmsSender('')).toBeNull();
  });
  it('or a phone number, stored as +digits', () => {
    expect(parseSmsSender('+46700000000')).toBe('+46700000000');
    expect(parseSmsSender('4512345678')).toBe('+4512345678');
    expect(parseSmsSender('+4670000000000000')).toBeNull();
  });
});
