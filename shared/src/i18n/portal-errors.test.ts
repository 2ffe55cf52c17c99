import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors';
import en from './en/errors.json';
import { isConsoleOnlyError, portalErrorCatalogue } from './portal-errors';

describe('the portal error catalogue', () => {
  it('drops the console-only messages and keeps every other one as it is', () => {
    const portal = portalErrorCatalogue(en);
    expect(portal.api_key_revoked).toBeUndefined();
    expect(portal.import_busy).toBeUndefined();
    expect(portal.webhook_url_not_allowed).toBeUndefined();
    expect(portal.idempotency_key_reused).toBeUndefined();
    expect(portal.unauthenticated).toBe(en.unauthenticated);
    expect(portal.validation_failed).toBe(en.validation_failed);
    for (const [code, message] of Object.entries(en)) if (!isConsoleOnlyError(code)) expect(portal[code]).toEqual(message);
  });

  it('leaves out no message a tenant can be shown: portal, sign-in and validation codes stay', () => {
    const portal = portalErrorCatalogue(en);
    const kept = ERROR_CODES.filter((code) => !isConsoleOnlyError(code));
    for (const code of ['session_expired', 'portal_disabled', 'csrf_failed', 'rate_limited', 'not_found']) {
      expect(kept).toContain(code);
      expect(portal[code]).toBeDefined();
    }
  });
});
