import { describe, expect, it } from 'vitest';
import { renderEmail, renderSms } from './templates';

// The catalogue writes possessives as {{landlordName, genitive}}; the formatter applies each language's rule.
describe('possessive landlord names in e-mails and SMS', () => {
  const invitation = (locale: 'sv' | 'da' | 'en', landlordName: string) =>
    renderEmail({ template: 'invitation', to: 'a@b.test', locale, landlordName, customerName: 'Kund', link: 'http://x.test/i/1' }).subject;

  it('Swedish: AB:s, and no extra s after s/x/z', () => {
    expect(invitation('sv', 'Göta Fastigheter AB')).toBe('Inbjudan till Göta Fastigheter AB:s kundportal');
    expect(invitation('sv', 'Bostäder i Borås')).toBe('Inbjudan till Bostäder i Borås kundportal');
    expect(invitation('sv', 'Hyresvärden Anna')).toBe('Inbjudan till Hyresvärden Annas kundportal');
  });

  it('Danish: an apostrophe after s, and in the SMS too', () => {
    expect(invitation('da', 'Nordhavn Ejendomme A/S')).toBe("Invitation til Nordhavn Ejendomme A/S' beboerportal");
    expect(
      renderSms({ template: 'signup_code', to: '+4512345678', locale: 'sv', landlordName: 'Göta Fastigheter AB', code: '123456' }),
    ).toContain('för Göta Fastigheter AB:s kundportal');
  });
});
