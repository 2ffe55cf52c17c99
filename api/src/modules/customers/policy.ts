import type { StaffActor } from '../../actors';
import { canManageMasterData, canReadMasterData } from '../history/policy';

/** Technicians work the cases assigned to them; customer records and messaging are for the office. */
export const canReadCustomers = (actor: StaffActor) => canReadMasterData(actor);

/** Issue 9: managers (and admins) create, edit, archive and delete customers and their contacts and portal access; finance reads. */
export const canManageCustomers = (actor: StaffActor) => canManageMasterData(actor);
