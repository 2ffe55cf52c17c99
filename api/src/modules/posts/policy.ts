import type { StaffActor, TenantActor } from '../../actors';

/**
 * News, bulletin posts and area information (issue 12 §2): admins and managers read and write them
 * in the console; finance and technicians have no part in content. Every portal role reads the
 * posts of its customer's properties (seed 002's matrix: "news/area info" for user, admin and
 * main_admin); no tenant writes or replies (seed 004).
 */
export const canManagePosts = (actor: StaffActor) => actor.role === 'admin' || actor.role === 'manager';
export const canReadPortalPosts = (actor: TenantActor) => actor.role === 'user' || actor.role === 'admin' || actor.role === 'main_admin';
