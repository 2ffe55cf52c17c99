import {
  type ChangePasswordBody,
  DEFAULT_NOTIFICATION_PREFERENCES,
  type DeviceSession,
  type EmailChangeBody,
  type NotificationKind,
  type NotificationPreferences,
  NotificationPreferencesSchema,
} from '@portico/shared/contracts/accounts';
import { addHours } from 'date-fns';
import type { Deps } from '../../deps';
import { conflict, gone, notFound, unauthenticated } from '../../errors';
import { deviceParts } from '../auth/device';
import { assertPasswordAllowed, hashPassword, verifyPassword } from '../auth/passwords';
import * as authRepo from '../auth/service';
import { hashToken, newToken } from '../auth/tokens';
import { queueEmail } from '../outbox/service';
import * as repo from './repo';

const EMAIL_CHANGE_TTL_HOURS = 24;

async function requireUser(deps: Deps, userId: string) {
  const user = await authRepo.findPortalUser(deps.db, { id: userId });
  if (!user) throw unauthenticated();
  return user;
}

/** The landlord context for e-mails to a portal user: their first customer's landlord. */
async function landlordOf(deps: Deps, userId: string) {
  const [first] = await authRepo.listMemberships(deps.db, userId);
  return first?.landlord;
}

/** Needs the current password; every other device is signed out (seed 004, ASVS). */
export async function changePassword(deps: Deps, userId: string, currentFamilyId: string | undefined, body: ChangePasswordBody) {
  const user = await requireUser(deps, userId);
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) throw unauthenticated('invalid_credentials');
  const memberships = await authRepo.listMemberships(deps.db, userId);
  for (const policy of new Set(memberships.map((m) => m.landlord.passwordPolicy).concat(memberships.length ? [] : ['standard' as const]))) {
    assertPasswordAllowed(body.newPassword, policy);
  }
  const passwordHash = await hashPassword(body.newPassword);
  await deps.db.transaction(async (tx) => {
    await authRepo.updatePortalUser(tx, userId, { passwordHash });
    await authRepo.revokeOtherFamilies(tx, 'portal', userId, currentFamilyId);
  });
}

/**
 * Seed 004: the new address gets an activation link; the old one is told. Nothing changes until
 * the link is opened, so a typo or a hijacked session cannot take the account's e-mail.
 * An address that already has an account is answered the same (so this is no way to test
 * addresses): its owner is told instead, and no link exists that could complete the change.
 */
export async function startEmailChange(deps: Deps, userId: string, body: EmailChangeBody) {
  const user = await requireUser(deps, userId);
  if (!(await verifyPassword(user.passwordHash, body.password))) throw unauthenticated('invalid_credentials');
  const holder = await authRepo.findPortalUser(deps.db, { login: body.newEmail });
  const taken = holder && holder.id !== userId ? holder : undefined;
  const landlord = await landlordOf(deps, userId);
  const token = newToken();
  const expiresAt = addHours(new Date(), EMAIL_CHANGE_TTL_HOURS);
  const locale = user.locale ?? landlord?.defaultLocale ?? deps.config.defaultLocale;
  const landlordName = landlord?.name ?? 'Portico';
  await deps.db.transaction(async (tx) => {
    await repo.insertEmailChange(tx, { portalUserId: userId, newEmail: body.newEmail, tokenHash: hashToken(token), expiresAt });
    await queueEmail(
      tx,
      landlord?.id ?? null,
      taken
        ? {
            template: 'email_in_use',
            to: taken.email,
            locale: taken.locale ?? locale,
            landlordName,
            // Issue 12 SHELL: the sign-in page shows this landlord's branding.
            link: `${deps.config.tenantWebUrl}/login${landlord ? `?landlord=${landlord.id}` : ''}`,
          }
        : {
            template: 'email_change_activation',
            to: body.newEmail,
            locale,
            landlordName,
            link: `${deps.config.tenantWebUrl}/confirm-email?token=${token}`,
          },
    );
    await queueEmail(tx, landlord?.id ?? null, {
      template: 'email_change_notice',
      to: user.email,
      locale,
      landlordName,
      newEmail: body.newEmail,
    });
  });
  return { pendingEmail: body.newEmail, expiresAt: expiresAt.toISOString() };
}

/** Works without a session: the link may be opened on another device. */
export async function confirmEmailChange(deps: Deps, token: string) {
  await deps.db.transaction(async (tx) => {
    const change = await repo.claimEmailChange(tx, hashToken(token));
    if (!change) throw gone('email_change_invalid');
    const taken = await authRepo.findPortalUser(tx, { login: change.newEmail });
    if (taken && taken.id !== change.portalUserId) throw conflict('email_taken');
    await authRepo.updatePortalUser(tx, change.portalUserId, { email: change.newEmail });
    await repo.updateContactEmails(tx, change.portalUserId, change.newEmail);
  });
}

const preferencesOf = (stored: unknown): NotificationPreferences => {
  const parsed = NotificationPreferencesSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_NOTIFICATION_PREFERENCES;
};

/** Whether a person wants e-mail about a kind of news (the defaults when they never chose). */
export const wantsEmail = (stored: unknown, kind: NotificationKind) => preferencesOf(stored)[kind].email;
/** Whether a person wants an SMS about a kind of news (issue 12, OPS: urgent operational notices). */
export const wantsSms = (stored: unknown, kind: NotificationKind) => preferencesOf(stored)[kind].sms;

export async function getPreferences(deps: Deps, userId: string): Promise<NotificationPreferences> {
  return preferencesOf((await requireUser(deps, userId)).notificationPrefs);
}

export async function setPreferences(deps: Deps, userId: string, prefs: NotificationPreferences) {
  await authRepo.updatePortalUser(deps.db, userId, { notificationPrefs: prefs });
  return prefs;
}

export async function listDevices(deps: Deps, userId: string, currentFamilyId: string | undefined): Promise<DeviceSession[]> {
  const rows = await authRepo.listActiveSessions(deps.db, 'portal', userId);
  // Each refresh writes a new row in the family, so the live row's time is the last use.
  return rows.map((r) => ({
    id: r.familyId,
    device: r.device || 'Unknown device',
    ...deviceParts(r.device),
    createdAt: r.familyStartedAt.toISOString(),
    lastUsedAt: r.createdAt.toISOString(),
    remembered: r.remember,
    current: r.familyId === currentFamilyId,
  }));
}

export async function signOutDevice(deps: Deps, userId: string, familyId: string) {
  if ((await authRepo.revokeUserFamily(deps.db, 'portal', userId, familyId)) === 0) throw notFound('session');
}
