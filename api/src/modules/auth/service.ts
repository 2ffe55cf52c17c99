import { randomUUID } from 'node:crypto';
import type { InvitationAccept, LoginBody, PortalMe, StaffMe, UpdateProfileBody } from '@portico/shared/contracts/auth';
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

/** A remembered device stays signed in this long without use (seed 002: "once per device"). */
export const REMEMBER_TTL_DAYS = 90;
/** Otherwise the refresh cookie ends with the browser, and the server forgets it after half a day. */
const SESSION_TTL_HOURS = 12;
export const INVITATION_TTL_DAYS = 7;
const RESET_TTL_HOURS = 1;

export type SessionOptions = { remember: boolean; device: string; strongAuthAt?: Date | null; familyId?: string };
export type IssuedSession = { userId: string; refreshToken: string; familyId: string; remember: boolean; strong: boolean };

export async function startSession(
  { db }: Pick<Deps, 'db'>,
  audience: Audience,
  userId: string,
  options: SessionOptions,
): Promise<IssuedSession> {
  const refreshToken = newToken();
  const familyId = options.familyId ?? randomUUID();
  await repo.insertSession(db, {
    familyId,
    audience,
    userId,
    tokenHash: hashToken(refreshToken),
    expiresAt: options.remember ? addDays(new Date(), REMEMBER_TTL_DAYS) : addHours(new Date(), SESSION_TTL_HOURS),
    remember: options.remember,
    device: options.device.slice(0, 200),
    strongAuthAt: options.strongAuthAt ?? null,
  });
  return { userId, refreshToken, familyId, remember: options.remember, strong: Boolean(options.strongAuthAt) };
}

export async function login(deps: Deps, audience: Audience, body: LoginBody, device: string): Promise<IssuedSession> {
  const user =
    audience === 'staff'
      ? (await repo.findStaff(deps.db, { email: body.email }))?.user
      : await repo.findPortalUser(deps.db, { login: body.email });
  const ok = await verifyPassword(user?.passwordHash, body.password);
  if (!user || !ok) throw unauthenticated('invalid_credentials');
  if (audience === 'portal' && (await repo.listMemberships(deps.db, user.id)).length === 0) {
    // A person whose landlords all switched the portal off cannot use it; say no more than a bad password would.
    throw unauthenticated('invalid_credentials');
  }
  return startSession(deps, audience, user.id, { remember: body.remember, device });
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
      return startSession({ db: tx as Deps['db'] }, audience, session.userId, {
        familyId: session.familyId,
        remember: session.remember,
        device: session.device,
        strongAuthAt: session.strongAuthAt,
      });
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

export async function getPortalMe(deps: Deps, portalUserId: string, strongAuth = false): Promise<PortalMe> {
  const user = await repo.findPortalUser(deps.db, { id: portalUserId });
  if (!user) throw unauthenticated();
  const [memberships, pendingEmail] = await Promise.all([
    repo.listMemberships(deps.db, user.id),
    repo.pendingEmailChange(deps.db, user.id),
  ]);
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    name: user.name,
    phone: user.phone,
    locale: user.locale,
    pendingEmail: pendingEmail ?? null,
    identityVerified: Boolean(user.identityVerifiedAt),
    strongAuth,
    memberships: memberships.map((m) => ({
      customerId: m.customerId,
      customerName: m.customerName,
      role: m.role,
      landlord: {
        id: m.landlord.id,
        name: m.landlord.name,
        defaultLocale: m.landlord.defaultLocale,
        invoicesRequireStrongAuth: m.landlord.invoicesRequireStrongAuth,
        passwordPolicy: m.landlord.passwordPolicy,
      },
      leases: m.leases.map(({ customerId: _, ...lease }) => lease),
    })),
  };
}

/**
 * What other modules (account, e-ID, sign-up, cases, customers) use of portal users and sessions:
 * the auth module's public face, so nothing outside it reaches into its repo.
 */
export {
  addMembership,
  countMemberships,
  findPortalUser,
  insertPortalUser,
  listActiveSessions,
  listLeaseRefs,
  /** The customers a portal user may act for (portal switched on), with their leases. */
  listMemberships,
  markFamilyStrong,
  revokeOtherFamilies,
  revokeUserFamily,
  updatePortalUser,
} from './repo';

export async function updateProfile(deps: Deps, audience: Audience, userId: string, patch: UpdateProfileBody) {
  if (audience === 'staff') {
    if (patch.locale !== undefined) await repo.updateStaff(deps.db, userId, { locale: patch.locale });
    return;
  }
  const { locale, name, phone } = patch;
  const values = Object.fromEntries(Object.entries({ locale, name, phone }).filter(([, v]) => v !== undefined));
  if (Object.keys(values).length) await repo.updatePortalUser(deps.db, userId, values);
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
    name: row.invitation.name ?? row.contactName ?? '',
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
export async function acceptInvitation(deps: Deps, token: string, body: InvitationAccept, device: string) {
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
    // An invitation made with a role grants it; otherwise the first person of a customer becomes its main administrator (seed 002).
    const role = invitation.role ?? ((await repo.countMemberships(tx, landlord.id, invitation.customerId)) === 0 ? 'main_admin' : 'user');
    await repo.addMembership(tx, { portalUserId: user.id, customerId: invitation.customerId, landlordId: landlord.id, role });
    if (invitation.contactId) await repo.linkContactToPortalUser(tx, landlord.id, invitation.contactId, user.id);
    await repo.markInvitationUsed(tx, landlord.id, invitation.id, invitation.contactId);
    const session = await startSession({ db: tx as Deps['db'] }, 'portal', user.id, { remember: false, device });
    return { session, customerId: invitation.customerId, threadId: invitation.threadId };
  });
}
