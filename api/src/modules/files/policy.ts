import type { StaffActor } from '../../actors';
import { seesOnlyAssigned } from '../cases/policy';
import { canReadMasterData } from '../history/policy';
import { canUseMessaging } from '../messaging/policy';

/**
 * A file follows what it is attached to, so a role opens exactly the files of the messages and
 * cases it can read through the other endpoints: the same rules, imported, never restated.
 */
export const staffFileReach = (actor: StaffActor) => ({
  messages: canUseMessaging(actor),
  assigneeId: seesOnlyAssigned(actor) ? actor.id : undefined,
  propertyImages: canReadMasterData(actor),
  leases: canReadMasterData(actor),
});
