import type { StaffActor } from '../../actors';
import { canManageMasterData, canReadMasterData } from '../history/policy';

/**
 * Properties, their units and images (issue 9): admins and managers manage them, finance reads
 * them, technicians see none of it — the landlord-data rules of history/policy.ts, not restated.
 */
export const canReadProperties = (actor: StaffActor) => canReadMasterData(actor);
export const canManageProperties = (actor: StaffActor) => canManageMasterData(actor);
