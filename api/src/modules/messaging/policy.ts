import type { Actor } from '../../actors';

/** Office roles write to tenants; technicians work cases, not the message inbox. Every tenant role may write. */
export const canUseMessaging = (actor: Actor) => actor.kind === 'tenant' || actor.role !== 'technician';
