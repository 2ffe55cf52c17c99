import type { Notification } from '@portico/shared/jobs';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './secrets';

const base = { to: 'a@example.se', locale: 'sv' as const, landlordName: 'Göta' };

describe('redactSecrets', () => {
  it('removes every token-bearing link and code', () => {
    const cases: Notification[] = [
      { ...base, template: 'password_reset', link: 'http://t/reset/SECRET' },
      { ...base, template: 'invitation', customerName: 'K', link: 'http://t/invitation/SECRET' },
      { ...base, template: 'email_change_activation', link: 'http://t/email/SECRET' },
      { ...base, template: 'signup_code', code: 'SECRET', link: 'http://t/signup/SECRET' },
      {
        ...base,
        template: 'tenant_new_staff_message',
        subject: 's',
        body: 'b',
        link: 'http://t/threads/1',
        invitationLink: 'http://t/i/SECRET',
      },
    ];
    for (const n of cases) {
      const redacted = JSON.stringify(redactSecrets(n));
      expect(redacted).not.toContain('SECRET');
      expect(redacted).toContain(REDACTED);
    }
  });

  it('keeps payloads without secrets as they are', () => {
    const n: Notification = { ...base, template: 'case_confirmation', caseNumber: '2026-00001', title: 'T', link: 'http://t/cases/1' };
    expect(redactSecrets(n)).toEqual(n);
  });
});
