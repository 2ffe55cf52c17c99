import { randomInt } from 'node:crypto';
import type {
  PasswordPolicies,
  SignupCodeSent,
  SignupCompleteBody,
  SignupStartBody,
  SignupStarted,
  SignupVerified,
  SignupVerifyBody,
  VerificationChannel,
} from '@portico/shared/contracts/accounts';
import { parseIdentityNumber } from '@portico/shared/formats/identity';
import { addMinutes, isBefore } from 'date-fns';
import type { Deps } from '../../deps';
import { AppError, badRequest, conflict, gone, notFound } from '../../errors';
import { assertPasswordAllowed, hashPassword } from '../auth/passwords';
import { addMembership, countMemberships, findPortalUser, type IssuedSession, insertPortalUser, startSession } from '../auth/service';
import { hashToken, newToken } from '../auth/tokens';
import { emitEvent } from '../events/service';
import { queueEmail, queueSms } from '../outbox/service';
import * as repo from './repo';

const SIGNUP_TTL_MINUTES = 60;
const CODE_TTL_MINUTES = 10;
const MAX_CODE_ATTEMPTS = 5;
const MAX_CODES_SENT = 5;
/** Sign-ups per hour for one number, so nobody can flood a customer with codes. */
const MAX_PER_NUMBER = 5;

type Customer = Awaited<ReturnType<typeof repo.findCustomersByIdentity>>[number];

/** What a code can go to: the addresses on record, the same for every matched customer. */
function channelsOf(customers: Customer[]) {
  const email = customers.find((c) => c.email)?.email ?? null;
  const phone = customers.find((c) => c.phone)?.phone ?? null;
  return { email, phone };
}

function maskEmail(email: string) {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(3, local.length - 1))}@${domain}`;
}

function maskPhone(phone: string) {
  const digits = phone.replace(/[^\d+]/g, '');
  return `${digits.slice(0, 5)}${'*'.repeat(Math.max(0, digits.length - 7))}${digits.slice(-2)}`;
}

/** The code is bound to its sign-up, so a code leaked from one cannot verify another. */
const codeHash = (signupId: string, code: string) => hashToken(`${signupId}:${code}`);

/**
 * Seed 001, step 1: identity number, username and password. Answers with where a code can go;
 * nothing is created when the number matches no customer or there is nothing to verify with.
 */
export async function startSignup(deps: Deps, body: SignupStartBody, clientIp: string): Promise<SignupStarted> {
  const parsed = parseIdentityNumber(body.identityNumber);
  if (!parsed) throw badRequest('identity_number_invalid');
  // Per client the route's rate limit applies; per number, here: at most a few sign-ups an hour.
  if ((await repo.recentSignups(deps.db, parsed.normalized)) >= MAX_PER_NUMBER) throw new AppError(429, 'rate_limited');

  const customers = await repo.findCustomersByIdentity(deps.db, parsed.normalized);
  if (!customers.length) throw new AppError(404, 'no_customer_match');
  for (const policy of new Set(customers.map((c) => c.passwordPolicy))) assertPasswordAllowed(body.password, policy);
  const { email, phone } = channelsOf(customers);
  if (!email && !phone) throw conflict('no_contact_data');
  // Anyone with a (public) organisation number gets this far, so nothing here may tell whether an
  // e-mail address has an account: a plain username is a public handle and is checked now; one
  // shaped like an address is checked only after verification, in `complete`.
  if (!looksLikeEmail(body.username) && (await findPortalUser(deps.db, { login: body.username }))) throw conflict('username_taken');

  const signup = await repo.insertSignup(deps.db, {
    identityNumber: parsed.normalized,
    username: body.username,
    passwordHash: await hashPassword(body.password),
    customerIds: customers.map((c) => c.id),
    clientIp,
    expiresAt: addMinutes(new Date(), SIGNUP_TTL_MINUTES),
  });
  return {
    signupId: signup.id,
    passwordPolicy: customers.some((c) => c.passwordPolicy === 'classic') ? 'classic' : 'standard',
    channels: [
      ...(email ? [{ channel: 'email' as const, destination: maskEmail(email) }] : []),
      ...(phone ? [{ channel: 'sms' as const, destination: maskPhone(phone) }] : []),
    ],
  };
}

async function openSignup(tx: Deps['db'], signupId: string) {
  const signup = await repo.lockSignup(tx, signupId);
  if (!signup) throw notFound('signup');
  if (signup.completedAt || isBefore(signup.expiresAt, new Date())) throw gone('signup_expired');
  return signup;
}

/** Step 2: a 6-digit code by SMS, or by e-mail together with a one-click link. */
export async function sendCode(deps: Deps, signupId: string, channel: VerificationChannel): Promise<SignupCodeSent> {
  return deps.db.transaction(async (tx) => {
    const signup = await openSignup(tx as Deps['db'], signupId);
    if (signup.codesSent >= MAX_CODES_SENT) throw new AppError(429, 'too_many_attempts');
    const customers = await repo.findCustomersByIds(tx, signup.customerIds);
    const { email, phone } = channelsOf(customers as Customer[]);
    const to = channel === 'email' ? email : phone;
    if (!to) throw badRequest('validation_failed');
    const first = customers[0]!;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const token = newToken();
    const expiresAt = addMinutes(new Date(), CODE_TTL_MINUTES);
    await repo.updateSignup(tx, signup.id, {
      channel,
      codeHash: codeHash(signup.id, code),
      tokenHash: channel === 'email' ? hashToken(token) : null,
      codeExpiresAt: expiresAt,
      codesSent: signup.codesSent + 1,
      attempts: 0,
    });
    const notification = { template: 'signup_code' as const, to, locale: first.defaultLocale, landlordName: first.landlordName, code };
    if (channel === 'email') {
      await queueEmail(tx, first.landlordId, {
        ...notification,
        link: `${deps.config.tenantWebUrl}/signup/verify?signup=${signup.id}&token=${token}`,
      });
    } else {
      await queueSms(tx, first.landlordId, notification);
    }
    return { channel, destination: channel === 'email' ? maskEmail(to) : maskPhone(to), expiresAt: expiresAt.toISOString() };
  });
}

/** Step 3: the code (limited tries, expires) or the link's token. */
export async function verify(deps: Deps, signupId: string, body: SignupVerifyBody): Promise<SignupVerified> {
  const outcome = await deps.db.transaction(async (tx) => {
    const signup = await openSignup(tx as Deps['db'], signupId);
    if (!signup.verifiedAt) {
      if (!signup.codeHash || !signup.codeExpiresAt) throw badRequest('code_invalid');
      if (signup.attempts >= MAX_CODE_ATTEMPTS) throw new AppError(429, 'too_many_attempts');
      if (isBefore(signup.codeExpiresAt, new Date())) throw gone('code_expired');
      const ok = 'code' in body ? codeHash(signup.id, body.code) === signup.codeHash : signup.tokenHash === hashToken(body.token);
      if (!ok) {
        // The failed try must count even though the request fails, so it commits first.
        await repo.updateSignup(tx, signup.id, { attempts: signup.attempts + 1 });
        return 'wrong' as const;
      }
      await repo.updateSignup(tx, signup.id, { verifiedAt: new Date(), codeHash: null, tokenHash: null });
    }
    return signup;
  });
  if (outcome === 'wrong') throw badRequest('code_invalid');
  const customers = await repo.findCustomersByIds(deps.db, outcome.customerIds);
  const { email, phone } = channelsOf(customers as Customer[]);
  return { signupId, profile: { name: customers.find((c) => c.name)?.name ?? '', email, phone } };
}

const looksLikeEmail = (login: string) => login.includes('@');

/**
 * The policies a sign-up with this number must meet, before any password is typed. A number that
 * matches nobody answers `standard`, like most matches do, so this tells no more than a start would.
 */
export async function signupPolicies(deps: Deps, identityNumber: string): Promise<PasswordPolicies> {
  const parsed = parseIdentityNumber(identityNumber);
  if (!parsed) throw badRequest('identity_number_invalid');
  const customers = await repo.findCustomersByIdentity(deps.db, parsed.normalized);
  const policies = [...new Set(customers.map((c) => c.passwordPolicy))].sort();
  return { policies: policies.length ? policies : ['standard'] };
}

/**
 * Step 4: the profile; the account is created and signed in. Only a person who proved control of
 * the customer's e-mail or mobile on record gets here. If the address (or an address-shaped
 * username) already has an account, its owner is told by e-mail and this sign-up ends: one answer
 * per verified sign-up (which are limited per number), so it cannot be used to test addresses.
 */
export async function complete(deps: Deps, signupId: string, body: SignupCompleteBody, device: string): Promise<IssuedSession> {
  const outcome = await deps.db.transaction(async (tx) => {
    const signup = await openSignup(tx as Deps['db'], signupId);
    if (!signup.verifiedAt) throw badRequest('code_invalid');
    const customers = await repo.findCustomersByIds(tx, signup.customerIds);
    const first = customers[0];
    const holder =
      (await findPortalUser(tx, { login: body.email })) ??
      (looksLikeEmail(signup.username) ? await findPortalUser(tx, { login: signup.username }) : undefined);
    if (holder) {
      await queueEmail(tx, first?.landlordId ?? null, {
        template: 'email_in_use',
        to: holder.email,
        locale: holder.locale ?? first?.defaultLocale ?? deps.config.defaultLocale,
        landlordName: first?.landlordName ?? 'Portico',
        // Issue 12 SHELL: the sign-in page shows this landlord's branding.
        link: `${deps.config.tenantWebUrl}/login${first ? `?landlord=${first.landlordId}` : ''}`,
      });
      await repo.updateSignup(tx, signup.id, { completedAt: new Date() });
      return 'email_in_use' as const;
    }
    if (await findPortalUser(tx, { login: signup.username })) throw conflict('username_taken');
    const user = await insertPortalUser(tx, {
      email: body.email,
      username: signup.username,
      name: body.name,
      phone: body.phone ?? null,
      passwordHash: signup.passwordHash,
      locale: customers[0]?.defaultLocale ?? deps.config.defaultLocale,
    });
    for (const c of customers) {
      // The first person of a customer becomes its main administrator (seed 002).
      const role = (await countMemberships(tx, c.landlordId, c.id)) === 0 ? 'main_admin' : 'user';
      await addMembership(tx, { portalUserId: user.id, customerId: c.id, landlordId: c.landlordId, role });
    }
    for (const landlordId of new Set(customers.map((c) => c.landlordId)))
      await emitEvent(tx, landlordId, 'portal_user.created', {
        portalUserId: user.id,
        customerIds: customers.filter((c) => c.landlordId === landlordId).map((c) => c.id),
      });
    await repo.updateSignup(tx, signup.id, { completedAt: new Date() });
    return startSession({ db: tx as Deps['db'] }, 'portal', user.id, { remember: false, device });
  });
  // Thrown after the commit, so the owner's e-mail and the closed sign-up stay.
  if (outcome === 'email_in_use') throw conflict('email_taken');
  return outcome;
}

/** Retention (run by the worker): deletes sign-ups past their expiry. */
export function purgeExpiredSignups(deps: Pick<Deps, 'db'>, now = new Date()) {
  return repo.deleteExpiredSignups(deps.db, now);
}
