import { type ApiArea, scopeAllows } from '@portico/shared/contracts/api-scopes';
import type { StaffActor } from '../../actors';
import { seesOnlyAssigned } from '../cases/policy';
import { canReadMasterData } from '../history/policy';
import { canUseMessaging } from '../messaging/policy';

/**
 * A file follows what it is attached to, so a role opens exactly the files of the messages and
 * cases it can read through the other endpoints: the same rules, imported, never restated.
 */
export const staffFileReach = (actor: StaffActor) => {
  // An API key (issue 10) opens the files of the areas it may read: messages, cases, properties
  // (property images and leases' PDFs); a person's session is not narrowed.
  const scopes = actor.apiKey?.scopes;
  const keyReads = (area: ApiArea) => !scopes || scopeAllows(scopes, area, 'read');
  return {
    messages: canUseMessaging(actor) && keyReads('messages'),
    cases: keyReads('cases'),
    assigneeId: seesOnlyAssigned(actor) ? actor.id : undefined,
    propertyImages: canReadMasterData(actor) && keyReads('properties'),
    leases: canReadMasterData(actor) && keyReads('properties'),
  };
};
