import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale';
import { checkPasswordShape } from './password-policy';

describe('checkPasswordShape', () => {
  it('standard counts characters, not UTF-16 units, and has no composition rules', () => {
    expect(checkPasswordShape('😀'.repeat(11), 'standard')).toBe('password_too_short');
    expect(checkPasswordShape('😀'.repeat(12), 'standard')).toBeNull();
    expect(checkPasswordShape('alllowercaseletters', 'standard')).toBeNull();
    expect(checkPasswordShape('x'.repeat(129), 'standard')).toBe('password_too_long');
  });

  it('classic accepts non-ASCII letters as letters (seed 001 rule)', () => {
    expect(checkPasswordShape('Åsa!1234', 'classic')).toBeNull();
    expect(checkPasswordShape('åsa!1234', 'classic')).toBe('password_needs_upper');
    expect(checkPasswordShape('Åsaö1234', 'classic')).toBe('password_needs_symbol');
  });
});

describe('pickLocale', () => {
  it('takes the first supported language of Accept-Language', () => {
    expect(pickLocale('de-DE,da;q=0.8,en;q=0.5', 'sv')).toBe('da');
    expect(pickLocale('fr', 'sv')).toBe('sv');
    expect(pickLocale(undefined, 'en')).toBe('en');
  });
});
