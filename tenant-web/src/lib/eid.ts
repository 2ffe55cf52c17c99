import type { EidIntentSchema, EidMethod } from '@portico/shared/contracts/accounts';
import type { z } from 'zod';

export type EidIntent = z.infer<typeof EidIntentSchema>;

/** The API answers with a redirect to the e-ID broker; after it, back to `returnTo` (a portal path). */
export function eidStartUrl(method: EidMethod, intent: EidIntent, returnTo?: string): string {
  const query = new URLSearchParams({ method, intent });
  if (returnTo) query.set('returnTo', returnTo);
  return `/api/v1/auth/portal/eid/start?${query.toString()}`;
}

/** A full page navigation: the broker's pages are not part of the SPA. */
export function startEid(method: EidMethod, intent: EidIntent, returnTo?: string): void {
  window.location.assign(eidStartUrl(method, intent, returnTo));
}
