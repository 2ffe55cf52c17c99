import { randomUUID } from 'node:crypto';
import type { InvitationAccept, LoginBody, PortalMe, StaffMe } from '@portico/shared/contracts/auth';
import type { Locale } from '@portico/shared/locale';
import type { PasswordPolicy } from '@portico/shared/password-policy';
import { addDays, addHours, isBefore } from 'date-fns';
import type { Deps } from '../../deps';
import { AppError, gone, unauthenticated } from '../../errors';
import { queueEmail } from '../outbox/service';
import { assertPasswordAllowed, hashPassword, verifyPassword } from './passwords';
import type { Audience } from './repo';
import * as repo from './repo';
import { hashToken, newToken } from './tokens';

/** How long a refresh token lives without use; each refresh starts a new period. */
export const REFRESH_TTL_DAYS = 14;
export const INVITATION_TTL_DAYS = 7;
const RESET_TTL_HOURS = 1;

export type IssuedSession = { userId: string; refreshToken: string };

export async function startSession({ db }: Pick<Deps, 'db'>, audience: Audience, userId: string, familyId: string = randomUUID()) {
  const refreshToken = newToken();
  await repo.insertSession(db, {
    familyId,
    audience,
    userId,
    tokenHash: hashToken(refreshToken),
    expiresAt: addDays(new Date(), REFRESH_TTL_DAYS),
  });
  return { userId, refreshToken } satisfies IssuedSession;
}

export async function login(deps: Deps, audience: Audience, body: LoginBody): Promise<IssuedSession> {
  const user =
    audience === 'staff' ? (await repo.findStaff(deps.db, { email: body.email }))?.user : await repo.findPortalUser(deps.db, body);
  const ok = await verifyPassword(user?.passwordHash, body.password);
  if (!user || !ok) throw unauthenticated('invalid_credentials');
  if (audience === 'portal' && (await repo.listMemberships(deps.db, user.id)).length === 0) {
    // A person whose landlords all switched the portal off cannot use it; say no more than a bad password would.
    throw unauthenticated('invalid_credentials');
  }
  return startSession(deps, audience, user.id);
}

/**
 * Rotates a refresh token. A token that was already rotated means someone replayed it:
 * the whole family is revoked, signing out both the thief and the owner.
 */
export async function refresh(deps: Deps, audience: Audience, refreshToken: string | undefined): Promise<IssuedSession> {
  if (!refreshToken) throw unauthenticated('session_expired');
  return deps.db
    .transaction(async (tx) => {
      const session = await repo.findSessionByHash(tx, hashToken(refreshToken));
      if (!session || session.audience !== audience || session.revokedAt || isBefore(session.expiresAt, new Date())) {
        throw unauthenticated('session_expired');
      }
      if (session.rotatedAt) {
        await repo.revokeFamily(tx, session.familyId);
        return 'reused' as const;
      }
      await repo.markSessionRotated(tx, session.id);
      return startSession({ db: tx as Deps['db'] }, audience, session.userId, session.familyId);
    })
    .then((result) => {
      // The revocation above must commit, so the refusal is thrown after the transaction.
      if (result === 'reused') throw unauthenticated('session_expired');
      return result;
    });
}

export async function logout(deps: Deps, refreshToken: string | undefined) {
  if (!refreshToken) return;
  await deps.db.transaction(async (tx) => {
    const session = await repo.findSessionByHash(tx, hashToken(refreshToken));
    if (session) await repo.revokeFamily(tx, session.familyId);
  });
}

export async function getStaffMe(deps: Deps, staffId: string): Promise<StaffMe> {
  const row = await repo.findStaff(deps.db, { id: staffId });
  if (!row) throw unauthenticated();
  const { user, landlord } = row;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, landlord };
}

export async function getPortalMe(deps: Deps, portalUserId: string): Promise<PortalMe> {
  const user = await repo.findPortalUser(deps.db, { id: portalUserId });
  if (!user) throw unauthenticated();
  const memberships = await repo.listMemberships(deps.db, user.id);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    memberships: memberships.map((m) => ({
      customerId: m.customerId,
      customerName: m.customerName,
      role: m.role,
      landlord: { id: m.landlord.id, name: m.landlord.name, defaultLocale: m.landlord.defaultLocale },
      leases: m.leases.map(({ customerId: _, ...lease }) => lease),
    })),
  };
}

/** The customers a portal user may act for (portal switched on), with their leases. */
export const listMemberships = repo.listMemberships;

export async function updateLocale(deps: Deps, audience: Audience, userId: string, locale: Locale | null) {
  if (audience === 'staff') await repo.updateStaff(deps.db, userId, { locale });
  else await repo.updatePortalUser(deps.db, userId, { locale });
}

// --- password reset ------------------------------------------------------------------

/** Always succeeds from the caller's view, so the answer never tells whether an account exists. */
export async function requestPasswordReset(deps: Deps, audience: Audience, email: string, requestLocale: Locale) {
  const target = await resetTarget(deps, audience, email);
  if (!target) return;
  const token = newToken();
  await deps.db.transaction(async (tx) => {
    await repo.insertPasswordReset(tx, {
      audience,
      userId: target.userId,
      tokenHash: hashToken(token),
      expiresAt: addHours(new Date(), RESET_TTL_HOURS),
    });
    const base = audience === 'staff' ? deps.config.adminWebUrl : deps.config.tenantWebUrl;
    await queueEmail(tx, target.landlordId, {
      template: 'password_reset',
      to: email,
      locale: target.locale ?? requestLocale,
      landlordName: target.landlordName,
      link: `${base}/reset-password?token=${token}`,
    });
  });
}

async function resetTarget(deps: Deps, audience: Audience, email: string) {
  if (audience === 'staff') {
    const row = await repo.findStaff(deps.db, { email });
    return row && { userId: row.user.id, locale: row.user.locale, landlordId: row.landlord.id, landlordName: row.landlord.name };
  }
  const user = await repo.findPortalUser(deps.db, { email });
  if (!user) return undefined;
  const [first] = await repo.listMemberships(deps.db, user.id);
  if (!first) return undefined;
  return {
    userId: user.id,
    locale: user.locale ?? first.landlord.defaultLocale,
    landlordId: first.landlord.id,
    landlordName: first.landlord.name,
  };
}

/** The policies a new password must satisfy: every landlord the person answers to. */
async function policiesFor(deps: Deps, audience: Audience, userId: string): Promise<PasswordPolicy[]> {
  if (audience === 'staff') {
    const row = await repo.findStaff(deps.db, { id: userId });
    return row ? [row.landlord.passwordPolicy] : ['standard'];
  }
  const memberships = await repo.listMemberships(deps.db, userId);
  return memberships.length ? [...new Set(memberships.map((m) => m.landlord.passwordPolicy))] : ['standard'];
}

export async function confirmPasswordReset(deps: Deps, audience: Audience, token: string, password: string) {
  await deps.db.transaction(async (tx) => {
    const reset = await repo.claimPasswordReset(tx, audience, hashToken(token));
    if (!reset) throw gone('reset_token_invalid');
    for (const policy of await policiesFor(deps, audience, reset.userId)) assertPasswordAllowed(password, policy);
    const passwordHash = await hashPassword(password);
    if (audience === 'staff') await repo.updateStaff(tx, reset.userId, { passwordHash });
    else await repo.updatePortalUser(tx, reset.userId, { passwordHash });
    // Whoever knew the old password is signed out everywhere.
    await repo.revokeUserSessions(tx, audience, reset.userId);
  });
}

// --- invitations -----------------------------------------------------------------------

function assertUsable(invitation: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }) {
  if (invitation.usedAt) throw gone('invitation_used');
  if (invitation.revokedAt) throw gone('invitation_invalid');
  if (isBefore(invitation.expiresAt, new Date())) throw gone('invitation_expired');
}

export async function previewInvitation(deps: Deps, token: string) {
  const row = await repo.findInvitationByHash(deps.db, hashToken(token));
  if (!row) throw invitationInvalid();
  assertUsable(row.invitation);
  const existing = await repo.findPortalUser(deps.db, { email: row.invitation.email });
  return {
    email: row.invitation.email,
    name: row.contactName,
    customerName: row.customerName,
    landlordName: row.landlord.name,
    passwordPolicy: row.landlord.passwordPolicy,
    locale: row.landlord.defaultLocale,
    existingUser: Boolean(existing),
  };
}

const invitationInvalid = () => new AppError(404, 'invitation_invalid');

/**
 * Accepting creates the portal user (or, for a person who already has one, checks their
 * password and adds this customer), makes them a member, and signs them in — all or nothing.
 */
export async function acceptInvitation(deps: Deps, token: string, body: InvitationAccept) {
  return deps.db.transaction(async (tx) => {
    const row = await repo.findInvitationByHash(tx, hashToken(token), true);
    if (!row) throw invitationInvalid();
    const { invitation, landlord } = row;
    assertUsable(invitation);
    let user = await repo.findPortalUser(tx, { email: invitation.email });
    if (user) {
      if (!(await verifyPassword(user.passwordHash, body.password))) throw unauthenticated('invalid_credentials');
    } else {
      assertPasswordAllowed(body.password, landlord.passwordPolicy);
      user = await repo.insertPortalUser(tx, {
        email: invitation.email,
        name: body.name,
        passwordHash: await hashPassword(body.password),
        locale: landlord.defaultLocale,
      });
    }
    // The first person of a customer becomes its main administrator (seed 002).
    const role = (await repo.countMemberships(tx, landlord.id, invitation.customerId)) === 0 ? 'main_admin' : 'user';
    await repo.addMembership(tx, { portalUserId: user.id, customerId: invitation.customerId, landlordId: landlord.id, role });
    await repo.linkContactToPortalUser(tx, landlord.id, invitation.contactId, user.id);
    await repo.markInvitationUsed(tx, landlord.id, invitation.id, invitation.contactId);
    const session = await startSession({ db: tx as Deps['db'] }, 'portal', user.id);
    return { session, customerId: invitation.customerId, threadId: invitation.threadId };
  });
}
