import type { LandlordSettings, LandlordSettingsPatch } from '@portico/shared/contracts/settings';
import type { StaffActor } from '../../actors';
import type { Deps } from '../../deps';
import { forbidden, notFound } from '../../errors';
import { findLandlord, updateLandlord } from './repo';

export { findLandlord };

export async function getSettings(deps: Deps, actor: StaffActor): Promise<LandlordSettings> {
  const landlord = await findLandlord(deps.db, actor.landlordId);
  if (!landlord) throw notFound('landlord');
  const { name, portalEnabled, passwordPolicy, defaultLocale, invoicesRequireStrongAuth } = landlord;
  return { name, portalEnabled, passwordPolicy, defaultLocale, invoicesRequireStrongAuth };
}

/** Organisation settings are the administrator's (seed 000: Organisationer → Indstillinger). */
export async function updateSettings(deps: Deps, actor: StaffActor, patch: LandlordSettingsPatch) {
  if (actor.role !== 'admin') throw forbidden();
  await updateLandlord(deps.db, actor.landlordId, patch);
  return getSettings(deps, actor);
}
