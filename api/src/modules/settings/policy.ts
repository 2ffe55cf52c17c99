import type { StaffActor } from '../../actors';
import { canManageOrganisation } from '../history/policy';

/** Every staff user reads the settings (the console needs the portal flag and names); only admins change them. */
export const canReadSettings = (_actor: StaffActor) => true;
export const canChangeSettings = (actor: StaffActor) => canManageOrganisation(actor);
