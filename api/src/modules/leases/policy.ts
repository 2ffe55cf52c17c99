import type { StaffActor } from '../../actors';
import { canManageMasterData, canReadMasterData } from '../history/policy';

/** Issue 9: managers (and admins) manage leases, finance reads them (and their signed PDFs), technicians see none. */
export const canReadLeases = (actor: StaffActor) => canReadMasterData(actor);
export const canManageLeases = (actor: StaffActor) => canManageMasterData(actor);
