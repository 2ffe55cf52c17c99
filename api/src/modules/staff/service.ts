import type { StaffMe } from '@portico/shared/contracts/auth';
import type {
  StaffInvitationAccept,
  StaffInvitationPreview,
  StaffInvite,
  StaffListQuery,
  StaffPage,
  StaffPatch,
  StaffUser,
} from '@portico/shared/contracts/staff';
import type { Locale } from '@portico/shared/locale';
import { addDays, isBefore } from 'date-fns';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import { uniqueViolation } from '../../db/pg-errors';
import type { Deps } from '../../deps';
import { AppError, conflict, forbidden, notFound } from '../../errors';
import { assertPasswordAllowed, hashPassword } from '../auth/passwords';
import { getStaffMe, type IssuedSession, revokeUserSessions, startSession } from '../auth/service';
import { hashToken, newToken } from '../auth/tokens';
import { type ChangeActor, recordChange } from '../history/service';
import { queueEmail } from '../outbox/service';
import { findLandlord } from '../settings/service';
import { canManageStaff, selfChangeRefused } from './policy';
import * as repo from './repo';

export const STAFF_INVITATION_TTL_DAYS = 7;

/** Active admins' addresses and languages, for notices to a landlord's admins. */
export { activeAdminRecipients } from './repo';

const isUniqueViolation = (err: unknown) => uniqueViolation(err) !== null;

function statusOf(row: { hasPassword: boolean; deactivatedAt: Date | null }): StaffUser['status'] {
  if (row.deactivatedAt) return 'deactivated';
  return row.hasPassword ? 'active' : 'invited';
}

function toStaffUser(row: repo.StaffListRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    phone: row.phone,
    status: statusOf(row),
    invitationExpiresAt: row.invitationExpiresAt ? row.invitationExpiresAt.toISOString() : null,
    deactivatedAt: row.deactivatedAt ? row.deactivatedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the history shows of a staff user (never the password). */
const historyFields = (u: StaffUser) => ({
  name: u.name,
  email: u.email,
  role: u.role,
  status: u.status,
  locale: u.locale,
  phone: u.phone,
});

/** The target is an active admin and no other active admin is left. */
const isLastAdmin = (activeAdmins: string[], staffId: string) => activeAdmins.includes(staffId) && activeAdmins.length === 1;

function assertAdmin(actor: StaffActor) {
  if (!canManageStaff(actor)) throw forbidden();
}

async function requireStaffUser(db: DbOrTx, landlordId: string, staffId: string, lock = false) {
  const row = await repo.findStaffUser(db, landlordId, staffId, lock);
  if (!row) throw notFound('staff_user');
  return row;
}

export async function listStaff(deps: Deps, actor: StaffActor, query: StaffListQuery): Promise<StaffPage> {
  assertAdmin(actor);
  const page = await repo.listStaff(deps.db, { landlordId: actor.landlordId, ...query });
  return { ...page, items: page.items.map(toStaffUser) };
}

export async function getStaffUser(deps: Deps, actor: StaffActor, staffId: string): Promise<StaffUser> {
  assertAdmin(actor);
  return toStaffUser(await requireStaffUser(deps.db, actor.landlordId, staffId));
}

/** Stores a fresh link (revoking any older one) and queues the e-mail, in the caller's transaction. */
async function sendInvitation(
  tx: DbOrTx,
  deps: Pick<Deps, 'config'>,
  landlord: { id: string; name: string; defaultLocale: Locale },
  user: { id: string; email: string; name: string; locale: Locale | null },
  inviterName: string,
) {
  const token = newToken();
  const expiresAt = addDays(new Date(), STAFF_INVITATION_TTL_DAYS);
  await repo.replaceInvitation(tx, { landlordId: landlord.id, staffUserId: user.id, tokenHash: hashToken(token), expiresAt });
  await queueEmail(tx, landlord.id, {
    template: 'staff_invitation',
    to: user.email,
    locale: user.locale ?? landlord.defaultLocale,
    landlordName: landlord.name,
    name: user.name,
    inviterName,
    link: `${deps.config.adminWebUrl}/staff-invitation/${token}`,
  });
  return expiresAt;
}

/**
 * Creates an invited staff user and e-mails the link, in the caller's transaction (`tx`): used by
 * the console's invite and by the new-landlord command (whose actor is the system). The e-mail is
 * unique across the service: a clash is answered 409 `email_taken` from the unique index.
 */
export async function createInvitedStaff(
  tx: DbOrTx,
  deps: Pick<Deps, 'config'>,
  actor: ChangeActor,
  landlord: { id: string; name: string; defaultLocale: Locale },
  input: StaffInvite,
): Promise<StaffUser> {
  let id: string;
  try {
    // A savepoint, so the unique violation can be answered without poisoning the caller's transaction.
    ({ id } = await tx.transaction((sp) =>
      repo.insertStaffUser(sp, {
        landlordId: landlord.id,
        email: input.email,
        name: input.name,
        role: input.role,
        locale: input.locale ?? null,
      }),
    ));
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('email_taken');
    throw err;
  }
  await sendInvitation(tx, deps, landlord, { id, email: input.email, name: input.name, locale: input.locale ?? null }, actor.name);
  const created = toStaffUser((await repo.findStaffUser(tx, landlord.id, id))!);
  await recordChange(tx, actor, { recordType: 'staff_user', recordId: id, action: 'created', after: historyFields(created) });
  return created;
}

async function landlordOf(db: DbOrTx, landlordId: string) {
  const landlord = await findLandlord(db, landlordId);
  if (!landlord) throw notFound('landlord');
  return landlord;
}

export async function inviteStaff(deps: Deps, actor: StaffActor, input: StaffInvite): Promise<StaffUser> {
  assertAdmin(actor);
  return deps.db.transaction(async (tx) => {
    const landlord = await landlordOf(tx, actor.landlordId);
    return createInvitedStaff(tx, deps, actor, landlord, input);
  });
}

/** The colleague as they are now, with the change from `before` in their history (same transaction). */
async function updatedWithHistory(tx: DbOrTx, actor: StaffActor, staffId: string, before: StaffUser): Promise<StaffUser> {
  const after = toStaffUser((await repo.findStaffUser(tx, actor.landlordId, staffId))!);
  await recordChange(tx, actor, {
    recordType: 'staff_user',
    recordId: staffId,
    action: 'updated',
    before: historyFields(before),
    after: historyFields(after),
  });
  return after;
}

/**
 * Changes a colleague's name or role. An admin cannot change their own role, and the last active
 * admin cannot be demoted (409 `staff_self_change` / `last_admin`).
 */
export async function updateStaff(deps: Deps, actor: StaffActor, staffId: string, patch: StaffPatch): Promise<StaffUser> {
  assertAdmin(actor);
  return deps.db.transaction(async (tx) => {
    const admins = await repo.lockActiveAdmins(tx, actor.landlordId);
    const before = toStaffUser(await requireStaffUser(tx, actor.landlordId, staffId, true));
    if (selfChangeRefused(actor, staffId, { role: patch.role })) throw conflict('staff_self_change');
    if (patch.role && patch.role !== 'admin' && isLastAdmin(admins, staffId)) throw conflict('last_admin');
    await repo.updateStaffUser(tx, actor.landlordId, staffId, patch);
    return updatedWithHistory(tx, actor, staffId, before);
  });
}

/**
 * Deactivates a colleague: they cannot sign in, every session of theirs ends in the same
 * transaction (the auth plugin checks the session on each request, so their access tokens stop
 * working at once), and an open invitation is revoked. Their name stays on what they wrote and
 * on cases assigned to them (decision 9T2).
 */
export async function deactivateStaff(deps: Deps, actor: StaffActor, staffId: string): Promise<StaffUser> {
  assertAdmin(actor);
  return deps.db.transaction(async (tx) => {
    const admins = await repo.lockActiveAdmins(tx, actor.landlordId);
    const before = toStaffUser(await requireStaffUser(tx, actor.landlordId, staffId, true));
    if (selfChangeRefused(actor, staffId, { deactivate: true })) throw conflict('staff_self_change');
    if (before.status === 'deactivated') return before;
    if (isLastAdmin(admins, staffId)) throw conflict('last_admin');
    await repo.updateStaffUser(tx, actor.landlordId, staffId, { deactivatedAt: new Date() });
    await revokeUserSessions(tx, 'staff', staffId);
    await repo.revokeOpenInvitations(tx, actor.landlordId, staffId);
    return updatedWithHistory(tx, actor, staffId, before);
  });
}

/**
 * Lets a deactivated colleague sign in again with their old password. Someone who never accepted
 * their invitation (a cancelled invitation) is invited again instead: a new link by e-mail.
 */
export async function reactivateStaff(deps: Deps, actor: StaffActor, staffId: string): Promise<StaffUser> {
  assertAdmin(actor);
  return deps.db.transaction(async (tx) => {
    const row = await requireStaffUser(tx, actor.landlordId, staffId, true);
    const before = toStaffUser(row);
    if (before.status !== 'deactivated') return before;
    await repo.updateStaffUser(tx, actor.landlordId, staffId, { deactivatedAt: null });
    if (!row.hasPassword) await sendInvitation(tx, deps, await landlordOf(tx, actor.landlordId), row, actor.name);
    return updatedWithHistory(tx, actor, staffId, before);
  });
}

/** A new link for someone who has not accepted yet (the old link stops working). */
export async function resendInvitation(deps: Deps, actor: StaffActor, staffId: string): Promise<StaffUser> {
  assertAdmin(actor);
  return deps.db.transaction(async (tx) => {
    const row = await requireStaffUser(tx, actor.landlordId, staffId, true);
    if (statusOf(row) !== 'invited') throw conflict('staff_not_invited');
    await sendInvitation(tx, deps, await landlordOf(tx, actor.landlordId), row, actor.name);
    return toStaffUser((await repo.findStaffUser(tx, actor.landlordId, staffId))!);
  });
}

/**
 * Withdraws a pending invitation: the link stops working and the person is listed as deactivated
 * (the row stays, so history and any reference keep their name); reactivating invites them again.
 */
export async function cancelInvitation(deps: Deps, actor: StaffActor, staffId: string): Promise<StaffUser> {
  assertAdmin(actor);
  return deps.db.transaction(async (tx) => {
    const row = await requireStaffUser(tx, actor.landlordId, staffId, true);
    const before = toStaffUser(row);
    if (before.status !== 'invited') throw conflict('staff_not_invited');
    await repo.revokeOpenInvitations(tx, actor.landlordId, staffId);
    await repo.updateStaffUser(tx, actor.landlordId, staffId, { deactivatedAt: new Date() });
    return updatedWithHistory(tx, actor, staffId, before);
  });
}

// --- the invited person's side ---

function assertUsable(invitation: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, deactivated: boolean, locale: Locale) {
  const unusable = (code: 'invitation_used' | 'invitation_invalid' | 'invitation_expired') => new AppError(410, code, { locale });
  if (invitation.usedAt) throw unusable('invitation_used');
  if (invitation.revokedAt || deactivated) throw unusable('invitation_invalid');
  if (isBefore(invitation.expiresAt, new Date())) throw unusable('invitation_expired');
}

const invitationInvalid = () => new AppError(404, 'invitation_invalid');

export async function previewStaffInvitation(deps: Deps, token: string): Promise<StaffInvitationPreview> {
  const row = await repo.findInvitationByHash(deps.db, hashToken(token));
  if (!row) throw invitationInvalid();
  const locale = row.user.locale ?? row.landlord.defaultLocale;
  assertUsable(row.invitation, Boolean(row.user.deactivatedAt), locale);
  return {
    email: row.user.email,
    name: row.user.name,
    landlordName: row.landlord.name,
    passwordPolicy: row.landlord.passwordPolicy,
    locale,
  };
}

/** Sets the password under the landlord's policy, uses the link up and signs the person in: all or nothing. */
export async function acceptStaffInvitation(
  deps: Deps,
  token: string,
  body: StaffInvitationAccept,
  device: string,
): Promise<{ session: IssuedSession; me: StaffMe }> {
  const session = await deps.db.transaction(async (tx) => {
    const row = await repo.findInvitationByHash(tx, hashToken(token), true);
    if (!row) throw invitationInvalid();
    const { invitation, user, landlord } = row;
    assertUsable(invitation, Boolean(user.deactivatedAt), user.locale ?? landlord.defaultLocale);
    assertPasswordAllowed(body.password, landlord.passwordPolicy);
    await repo.updateStaffUser(tx, landlord.id, user.id, {
      passwordHash: await hashPassword(body.password),
      ...(body.name ? { name: body.name } : {}),
    });
    await repo.markInvitationUsed(tx, invitation.id);
    return startSession({ db: tx as Deps['db'] }, 'staff', user.id, { remember: false, device });
  });
  return { session, me: await getStaffMe(deps, session.userId) };
}
