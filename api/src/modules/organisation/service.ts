import type { OrgInviteBody, OrgMember } from '@portico/shared/contracts/accounts';
import type { PortalRole } from '@portico/shared/contracts/auth';
import { isBefore } from 'date-fns';
import type { StaffActor, TenantActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, conflict, forbidden, notFound } from '../../errors';
import { portalOpenForCustomer } from '../auth/service';
import { canManageCustomers, canReadCustomers } from '../customers/policy';
import { createInvitation, requireCustomer } from '../customers/service';
import { queueEmail } from '../outbox/service';
import { findLandlord } from '../settings/service';
import { canGrant, canManageUsers } from './policy';
import * as repo from './repo';

/** Who acts on a customer's users: one of its own (role-limited) or the landlord's staff (any role). */
type Manager = { kind: 'tenant'; actor: TenantActor } | { kind: 'staff'; actor: StaffActor; customerId: string };

const scopeOf = (m: Manager) => ({ landlordId: m.actor.landlordId, customerId: m.kind === 'tenant' ? m.actor.customerId : m.customerId });
const roleCeiling = (m: Manager): PortalRole => (m.kind === 'tenant' ? m.actor.role : 'main_admin');

/** Tenants: administrators manage; staff: whoever reads customers sees the list, managers and admins change it. */
function assertManager(m: Manager, write = true) {
  if (m.kind === 'tenant' ? !canManageUsers(m.actor.role) : !(write ? canManageCustomers(m.actor) : canReadCustomers(m.actor)))
    throw forbidden();
}

function assertCanGrant(m: Manager, role: PortalRole) {
  if (!canGrant(roleCeiling(m), role)) throw new AppError(403, 'role_ceiling');
}

export async function listMembers(deps: Deps, m: Manager): Promise<OrgMember[]> {
  assertManager(m, false);
  const scope = scopeOf(m);
  await requireCustomer(deps.db, scope.landlordId, scope.customerId);
  const [members, invitations] = await Promise.all([repo.listMembers(deps.db, scope), repo.listOpenInvitations(deps.db, scope)]);
  const now = new Date();
  return [
    ...members.map((u) => ({
      id: u.id,
      kind: 'user' as const,
      name: u.name,
      email: u.email,
      role: u.role,
      state: 'registered' as const,
      isMe: m.kind === 'tenant' && u.id === m.actor.id,
    })),
    ...invitations.map((i) => ({
      id: i.id,
      kind: 'invitation' as const,
      name: i.name,
      email: i.email,
      role: i.role ?? 'user',
      state: isBefore(i.expiresAt, now) ? ('expired' as const) : ('invited' as const),
      isMe: false,
    })),
  ];
}

async function sendInvitation(
  tx: DbOrTx,
  deps: Deps,
  m: Manager,
  invitee: { email: string; name: string; role: PortalRole; contactId: string | null },
) {
  const scope = scopeOf(m);
  const landlord = await findLandlord(tx, scope.landlordId);
  if (!landlord?.portalEnabled) throw conflict('portal_disabled');
  const customer = await requireCustomer(tx, scope.landlordId, scope.customerId);
  if (!(await portalOpenForCustomer(tx, scope.landlordId, scope.customerId))) throw conflict('portal_not_in_pilot');
  const invitation = await createInvitation(tx, deps, scope.landlordId, scope.customerId, invitee, null);
  await queueEmail(tx, scope.landlordId, {
    template: 'invitation',
    to: invitee.email,
    locale: landlord.defaultLocale,
    landlordName: landlord.name,
    customerName: customer.name,
    link: invitation.link,
  });
  return invitation.id;
}

const memberById = async (deps: Deps, m: Manager, id: string) => {
  const member = (await listMembers(deps, m)).find((x) => x.id === id);
  if (!member) throw notFound('invitation');
  return member;
};

/** Seed 002: main administrators and administrators add users, with a role at or below their own. */
export async function invite(deps: Deps, m: Manager, body: OrgInviteBody): Promise<OrgMember> {
  assertManager(m);
  assertCanGrant(m, body.role);
  const scope = scopeOf(m);
  if ((await repo.listMembers(deps.db, scope)).some((u) => u.email === body.email)) throw conflict('conflict');
  const id = await deps.db.transaction((tx) => sendInvitation(tx, deps, m, { ...body, contactId: null }));
  return memberById(deps, m, id);
}

/** A new link for the same person and role; the old link stops working. */
export async function resendInvitation(deps: Deps, m: Manager, invitationId: string): Promise<OrgMember> {
  assertManager(m);
  const scope = scopeOf(m);
  const open = (await repo.listOpenInvitations(deps.db, scope)).find((i) => i.id === invitationId);
  if (!open) throw notFound('invitation');
  assertCanGrant(m, open.role ?? 'user');
  const id = await deps.db.transaction((tx) =>
    sendInvitation(tx, deps, m, { email: open.email, name: open.name, role: open.role ?? 'user', contactId: open.contactId }),
  );
  return memberById(deps, m, id);
}

export async function cancelInvitation(deps: Deps, m: Manager, invitationId: string) {
  assertManager(m);
  const scope = scopeOf(m);
  const open = (await repo.listOpenInvitations(deps.db, scope)).find((i) => i.id === invitationId);
  if (!open) throw notFound('invitation');
  assertCanGrant(m, open.role ?? 'user');
  await repo.revokeInvitation(deps.db, scope, invitationId);
}

/**
 * Runs `change` on a member under a lock of the customer's memberships, after checking that the
 * actor has authority over the member's current role.
 */
async function withMember(
  deps: Deps,
  m: Manager,
  userId: string,
  change: (tx: DbOrTx, member: { role: PortalRole }, scope: ReturnType<typeof scopeOf>) => Promise<void>,
) {
  assertManager(m);
  const scope = scopeOf(m);
  await deps.db.transaction(async (tx) => {
    await repo.lockMemberships(tx, scope);
    const member = await repo.findMember(tx, scope, userId);
    if (!member) throw notFound('user');
    assertCanGrant(m, member.role);
    await change(tx, member, scope);
  });
}

/** The customer keeps at least one main administrator (seed 002). */
async function assertNotLastMainAdmin(tx: DbOrTx, scope: ReturnType<typeof scopeOf>, member: { role: PortalRole }) {
  if (member.role === 'main_admin' && (await repo.countMainAdmins(tx, scope)) <= 1) throw conflict('last_main_admin');
}

/** Changing a role needs authority over both the old and the new one (an administrator cannot demote a main administrator). */
export async function changeRole(deps: Deps, m: Manager, userId: string, role: PortalRole): Promise<OrgMember> {
  assertCanGrant(m, role);
  await withMember(deps, m, userId, async (tx, member, scope) => {
    if (role !== 'main_admin') await assertNotLastMainAdmin(tx, scope, member);
    await repo.setRole(tx, scope, userId, role);
  });
  const updated = (await listMembers(deps, m)).find((x) => x.id === userId);
  if (!updated) throw notFound('user');
  return updated;
}

export async function removeMember(deps: Deps, m: Manager, userId: string) {
  await withMember(deps, m, userId, async (tx, member, scope) => {
    await assertNotLastMainAdmin(tx, scope, member);
    await repo.removeMember(tx, scope, userId);
  });
}
