import { mobileToE164 } from '@portico/shared/formats/phone';
import type { Actor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { notFound } from '../../errors';
import { seesOnlyAssigned } from './policy';
import * as repo from './repo';

export const CURRENCY = { SE: 'SEK', DK: 'DKK' } as const;

export const viewerOf = (actor: Actor): repo.Viewer =>
  actor.kind === 'tenant'
    ? { landlordId: actor.landlordId, customerId: actor.customerId }
    : { landlordId: actor.landlordId, assigneeId: seesOnlyAssigned(actor) ? actor.id : undefined };

export const links = (deps: Deps, caseId: string) => ({
  tenant: `${deps.config.tenantWebUrl}/cases/${caseId}`,
  staff: `${deps.config.adminWebUrl}/cases/${caseId}`,
});

/**
 * The mobiles an SMS goes to: the contact people's (they are who the landlord talks to), else the
 * customer's own number. Numbers are stored as typed, so each is normalised; landlines drop out.
 */
export function smsNumbers(country: 'SE' | 'DK', contacts: { phone: string | null }[], customerPhone: string | null) {
  const mobiles = new Set(contacts.map((c) => mobileToE164(c.phone, country)).filter((n): n is string => n !== null));
  const own = mobileToE164(customerPhone, country);
  if (mobiles.size === 0 && own) mobiles.add(own);
  return [...mobiles];
}

export async function lock(tx: DbOrTx, actor: Actor, caseId: string) {
  const row = await repo.lockCase(tx, viewerOf(actor), caseId);
  if (!row) throw notFound('case');
  return row;
}
