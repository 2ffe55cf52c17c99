import type { StaffActor } from '../../actors';

/**
 * Issue 10: webhook endpoints, their delivery log and the changes feed are integration settings:
 * admins and managers (and API keys, which act as admin within their scopes) manage and read them;
 * finance and technicians do not.
 */
export const canManageWebhooks = (actor: StaffActor) => actor.role === 'admin' || actor.role === 'manager';

/** The changes feed carries the same events as the webhooks, so the same roles read it. */
export const canReadEvents = (actor: StaffActor) => canManageWebhooks(actor);
