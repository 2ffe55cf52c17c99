import { randomUUID } from 'node:crypto';
import type { InvitationAccept, LoginBody, PortalMe, StaffMe, UpdateProfileBody } from '@portico/shared/contracts/auth';
import type { Locale } from '@portico/shared/locale';
import type { PasswordPolicy } from '@portico/shared/password-policy';
import { addDays, addHours, isBefore } from 'date-fns';
import type { Deps } from '../../deps';
import { AppError, forbidden, gone, unauthenticated } from '../../errors';
import { emitEvent } from '../events/service';
import { queueEmail } from '../outbox/service';
import type { AccountLimits } from './account-limits';
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
/** Sign-in attempts per account in a fixed 15-minute window, from any number of addresses. */
export const ACCOUNT_LOGIN_LIMIT = { max: 10, windowSeconds: 15 * 60 };
/** Reset requests per address an hour, known or not, so nobody can flood a mailbox with them. */
export const ACCOUNT_RESET_LIMIT = { max: 5, windowSeconds: 60 * 60 };
const tooMany = () => new AppError(429, 'rate_limited');

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

export async function login(
  deps: Deps,
  limits: AccountLimits,
  audience: Audience,
  body: LoginBody,
  device: string,
): Promise<IssuedSession> {
  // Counted before the password is looked at (and for unknown accounts alike), so parallel guesses
  // cannot slip past the count and the answer past the limit says nothing about the password.
  const bucket = `login:${audience}`;
  if (!(await limits.hit(bucket, body.email, ACCOUNT_LOGIN_LIMIT.max, ACCOUNT_LOGIN_LIMIT.windowSeconds))) throw tooMany();
  const user =
    audience === 'staff'
      ? (await repo.findStaff(deps.db, { email: body.email }))?.user
      : await repo.findPortalUser(deps.db, { login: body.email });
  const ok = await verifyPassword(user?.passwordHash, body.password);
  if (!user || !ok) throw unauthenticated('invalid_credentials');
  // Only failures should add up: the owner's earlier typos do not count against them.
  await limits.clear(bucket, body.email);
  // A deactivated colleague learns why, but only once they have shown the password.
  if (audience === 'staff' && 'deactivatedAt' in user && user.deactivatedAt) throw forbidden('account_deactivated');
  if (audience === 'portal' && (await repo.listMemberships(deps.db, user.id)).length === 0) {
    // Said only to someone who knows the password, so it tells a guesser nothing.
    if ((await repo.countMembershipsOutsidePilot(deps.db, user.id)) > 0) throw forbidden('portal_not_in_pilot');
    throw (await repo.countAllMemberships(deps.db, user.id)) > 0 ? forbidden('portal_disabled') : forbidden();
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

/** Ends the device's session family, named by the refresh token or by the (signed) access token. */
export async function logout(
  deps: Deps,
  audience: Audience,
  refreshToken: string | undefined,
  access: { userId: string; familyId: string } | undefined,
) {
  await deps.db.transaction(async (tx) => {
    const session = refreshToken ? await repo.findSessionByHash(tx, hashToken(refreshToken)) : undefined;
    if (session && session.audience === audience) await repo.revokeFamily(tx, session.familyId);
    if (access) await repo.revokeUserFamily(tx, audience, access.userId, access.familyId);
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
      household: m.household,
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
  /** Portal on for this customer (landlord switch and pilot scope): staff may invite its people. */
  portalOpenForCustomer,
  revokeOtherFamilies,
  revokeUserFamily,
  /** Ends every session of a person (a deactivated staff user). */
  revokeUserSessions,
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

/**
 * The answer, and the work behind it, are the same whether or not the address has an account:
 * one look-up, then one transaction that queues one e-mail to the address — the reset link, or a
 * note that there is no active account for it (so the person learns it, and a prober does not).
 */
export async function requestPasswordReset(deps: Deps, limits: AccountLimits, audience: Audience, email: string, requestLocale: Locale) {
  if (!(await limits.hit(`reset:${audience}`, email, ACCOUNT_RESET_LIMIT.max, ACCOUNT_RESET_LIMIT.windowSeconds))) throw tooMany();
  const target = await repo.findResetTarget(deps.db, audience, email);
  const token = newToken();
  const base = audience === 'staff' ? deps.config.adminWebUrl : deps.config.tenantWebUrl;
  await deps.db.transaction(async (tx) => {
    if (!target) {
      await queueEmail(tx, null, {
        template: 'password_reset_no_account',
        to: email,
        locale: requestLocale,
        landlordName: 'Portico',
        audience,
      });
      return;
    }
    await repo.insertPasswordReset(tx, {
      audience,
      userId: target.userId,
      tokenHash: hashToken(token),
      expiresAt: addHours(new Date(), RESET_TTL_HOURS),
    });
    await queueEmail(tx, target.landlordId, {
      template: 'password_reset',
      to: email,
      // A tenant hears in their landlord's language; staff in the language they asked in.
      locale: target.locale ?? (audience === 'portal' ? target.defaultLocale : requestLocale),
      landlordName: target.landlordName,
      link: `${base}/reset-password?token=${token}`,
    });
  });
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

/** The landlord's language goes along, so a used or expired link is explained in the portal's language. */
function assertUsable(invitation: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, locale: string) {
  const unusable = (code: 'invitation_used' | 'invitation_invalid' | 'invitation_expired') => new AppError(410, code, { locale });
  if (invitation.usedAt) throw unusable('invitation_used');
  if (invitation.revokedAt) throw unusable('invitation_invalid');
  if (isBefore(invitation.expiresAt, new Date())) throw unusable('invitation_expired');
}

export async function previewInvitation(deps: Deps, token: string) {
  const row = await repo.findInvitationByHash(deps.db, hashToken(token));
  if (!row) throw invitationInvalid();
  assertUsable(row.invitation, row.landlord.defaultLocale);
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
    assertUsable(invitation, landlord.defaultLocale);
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
    await emitEvent(tx, landlord.id, 'portal_user.created', { portalUserId: user.id, customerIds: [invitation.customerId] });
    if (invitation.contactId) await repo.linkContactToPortalUser(tx, landlord.id, invitation.contactId, user.id);
    await repo.markInvitationUsed(tx, landlord.id, invitation.id, invitation.contactId);
    const session = await startSession({ db: tx as Deps['db'] }, 'portal', user.id, { remember: false, device });
    return { session, customerId: invitation.customerId, threadId: invitation.threadId };
  });
}

/** Retention (run by the worker): deletes sessions past their expiry. */
export function purgeExpiredSessions(deps: Pick<Deps, 'db'>, now = new Date()) {
  return repo.deleteExpiredSessions(deps.db, now);
}
