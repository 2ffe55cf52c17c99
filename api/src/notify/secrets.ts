import type { Notification } from '@portico/shared/jobs';

/** What a delivered payload keeps in place of a token-bearing link or a code. */
export const REDACTED = '[redacted]';

/**
 * The payload as it is kept after delivery: links that carry a token (password reset,
 * invitation, sign-up, e-mail change) and sign-up codes are replaced, so a database dump or
 * backup holds no usable secret. Everything else stays for the delivery view and support.
 */
export function redactSecrets(n: Notification): Notification {
  switch (n.template) {
    case 'invitation':
    case 'password_reset':
    case 'email_change_activation':
      return { ...n, link: REDACTED };
    case 'signup_code':
      return { ...n, code: REDACTED, ...(n.link ? { link: REDACTED } : {}) };
    case 'tenant_new_staff_message':
      return n.invitationLink ? { ...n, invitationLink: REDACTED } : n;
    default:
      return n;
  }
}
