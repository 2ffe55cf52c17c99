import type { StaffActor } from '../../actors';
import { canManageMasterData } from '../history/policy';

/**
 * Importing writes properties, units, customers and leases, so it is for those who manage them
 * (admins and managers); finance reads records but imports nothing, technicians see none of it.
 * Past imports, their error reports and the templates follow the same rule.
 */
export const canImport = (actor: StaffActor) => canManageMasterData(actor);
