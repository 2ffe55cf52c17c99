import { describe, expect, it } from 'vitest';
import { mobileToE164 } from './phone';

describe('mobileToE164', () => {
  it('normalises Swedish mobiles in every common spelling', () => {
    for (const raw of ['070-123 45 67', '0701234567', '+46701234567', '+46 70 123 45 67', '0046701234567', '+46 (0)70-123 45 67'])
      expect(mobileToE164(raw, 'SE'), raw).toBe('+46701234567');
    expect(mobileToE164('073 555 01 23', 'SE')).toBe('+46735550123');
  });

  it('refuses Swedish landlines, short numbers and junk', () => {
    for (const raw of ['08-123 456 78', '+4681234567', '031-12 34 56', '0701234', 'ring mig', '', null, undefined])
      expect(mobileToE164(raw, 'SE'), String(raw)).toBeNull();
  });

  it('takes Danish 8-digit numbers with or without +45', () => {
    expect(mobileToE164('12 34 56 78', 'DK')).toBe('+4512345678');
    expect(mobileToE164('+45 22 33 44 55', 'DK')).toBe('+4522334455');
    expect(mobileToE164('1234567', 'DK')).toBeNull();
  });

  it('keeps a foreign number in international form and reads the country of the number, not of the landlord', () => {
    expect(mobileToE164('+47 912 34 567', 'SE')).toBe('+4791234567');
    expect(mobileToE164('+46701234567', 'DK')).toBe('+46701234567');
  });
});
