import type { NewLandlord } from '@portico/shared/contracts/settings';
import type { Deps } from '../../deps';
import type { ChangeActor } from '../history/service';
import { createLandlord } from '../settings/service';
import { createInvitedStaff } from '../staff/service';

/** Changes made by the set-up command are recorded against the system, under this name. */
export const ONBOARDING_ACTOR_NAME = 'Portico';

/**
 * Section 4: a new landlord and its first admin, in one transaction. The admin is invited by e-mail
 * through the outbox (the worker sends it); from the link they choose a password and do the rest
 * in the console. Nothing else is created: no demo data, the portal off.
 */
export async function createLandlordWithAdmin(deps: Pick<Deps, 'db' | 'config'>, input: NewLandlord) {
  return deps.db.transaction(async (tx) => {
    const actor = (landlordId: string): ChangeActor => ({ kind: 'system', name: ONBOARDING_ACTOR_NAME, landlordId });
    const landlord = await createLandlord(tx, actor, { name: input.name, country: input.country, defaultLocale: input.defaultLocale });
    const admin = await createInvitedStaff(tx, deps, actor(landlord.id), landlord, {
      email: input.adminEmail,
      name: input.adminName,
      role: 'admin',
      locale: input.defaultLocale,
    });
    return { landlord: { id: landlord.id, name: landlord.name, country: landlord.country, defaultLocale: landlord.defaultLocale }, admin };
  });
}
