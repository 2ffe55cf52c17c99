import type { EidMethod } from '@portico/shared/contracts/accounts';
import { maskIdentityNumber, parseIdentityNumber } from '@portico/shared/formats/identity';
import { addMinutes } from 'date-fns';
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../errors';
import * as authRepo from '../auth/service';
import { type IssuedSession, startSession } from '../auth/service';
import { hashToken, newToken } from '../auth/tokens';
import type { EidClient } from './client';
import * as repo from './repo';

const REQUEST_TTL_MINUTES = 10;

export type Intent = 'login' | 'step-up' | 'link';

/** Where the browser goes next, and for a login the session to set. */
export type CallbackOutcome =
  | { kind: 'signed-in'; session: IssuedSession; returnTo: string }
  | { kind: 'stepped-up'; userId: string; familyId: string; returnTo: string }
  | { kind: 'confirm-link'; requestId: string }
  | { kind: 'error'; code: 'eid_failed' | 'eid_not_linked' | 'identity_mismatch'; returnTo: string };

/**
 * Starts an e-ID round trip. The secrets stay in the database; the browser gets only a binding
 * token (a cookie) so that a callback replayed into another browser is refused.
 */
export async function start(
  deps: Deps,
  eid: EidClient,
  input: {
    method: EidMethod;
    intent: Intent;
    returnTo?: string | undefined;
    portalUserId?: string | undefined;
    sessionFamilyId?: string | undefined;
  },
) {
  const started = await eid.start(input.method);
  const binding = newToken();
  await repo.insertRequest(deps.db, {
    state: started.state,
    nonce: started.nonce,
    codeVerifier: started.codeVerifier,
    bindingHash: hashToken(binding),
    method: input.method,
    intent: input.intent,
    portalUserId: input.portalUserId ?? null,
    sessionFamilyId: input.sessionFamilyId ?? null,
    returnTo: input.returnTo ?? null,
    expiresAt: addMinutes(new Date(), REQUEST_TTL_MINUTES),
  });
  return { url: started.url, binding };
}

export async function callback(
  deps: Deps,
  eid: EidClient,
  callbackUrl: string,
  state: string,
  binding: string | undefined,
  device: string,
): Promise<CallbackOutcome> {
  const request = await repo.claimByState(deps.db, state);
  if (!request || !binding || hashToken(binding) !== request.bindingHash) return { kind: 'error', code: 'eid_failed', returnTo: '/login' };
  const fallback = request.returnTo ?? (request.intent === 'login' ? '/login' : '/settings');
  let identity: Awaited<ReturnType<EidClient['finish']>>;
  try {
    identity = await eid.finish(callbackUrl, { state, nonce: request.nonce, codeVerifier: request.codeVerifier, method: request.method });
  } catch {
    return { kind: 'error', code: 'eid_failed', returnTo: fallback };
  }
  const owner = await authRepo.findPortalUser(deps.db, { identityNumber: identity.identityNumber });

  if (request.intent === 'login') {
    if (!owner || (await authRepo.listMemberships(deps.db, owner.id)).length === 0)
      return { kind: 'error', code: 'eid_not_linked', returnTo: '/login' };
    const session = await startSession(deps, 'portal', owner.id, { remember: false, device, strongAuthAt: new Date() });
    return { kind: 'signed-in', session, returnTo: request.returnTo ?? '/messages' };
  }

  // Step-up and link act for the person who started them in their signed-in session.
  if (!request.portalUserId || !request.sessionFamilyId) return { kind: 'error', code: 'eid_failed', returnTo: fallback };
  if (owner && owner.id !== request.portalUserId) return { kind: 'error', code: 'identity_mismatch', returnTo: fallback };
  const user = await authRepo.findPortalUser(deps.db, { id: request.portalUserId });
  if (!user) return { kind: 'error', code: 'eid_failed', returnTo: fallback };
  if (user.identityNumber && user.identityNumber !== identity.identityNumber)
    return { kind: 'error', code: 'identity_mismatch', returnTo: fallback };

  if (!user.identityNumber) {
    // First use: link only after the person confirms that this e-ID is theirs.
    await repo.recordIdentity(deps.db, request.id, { identityNumber: identity.identityNumber, identityName: identity.name });
    return { kind: 'confirm-link', requestId: request.id };
  }
  await authRepo.markFamilyStrong(deps.db, request.sessionFamilyId);
  return { kind: 'stepped-up', userId: user.id, familyId: request.sessionFamilyId, returnTo: request.returnTo ?? '/settings' };
}

async function pendingLink(deps: Deps, portalUserId: string, requestId: string) {
  const request = await repo.findRequest(deps.db, requestId, portalUserId);
  if (!request?.identityNumber || !request.completedAt) throw notFound('session');
  return request as typeof request & { identityNumber: string };
}

export async function describePendingLink(deps: Deps, portalUserId: string, requestId: string) {
  const request = await pendingLink(deps, portalUserId, requestId);
  const parsed = parseIdentityNumber(request.identityNumber, { country: request.method === 'se-bankid' ? 'SE' : 'DK' });
  return {
    requestId,
    method: request.method,
    identityNumber: parsed ? maskIdentityNumber(parsed) : `${request.identityNumber.slice(0, 6)}****`,
    name: request.identityName ?? '',
  };
}

/** Links the verified number to the account; the session counts as strongly authenticated from now. */
export async function confirmLink(deps: Deps, portalUserId: string, sessionFamilyId: string | undefined, requestId: string) {
  const request = await pendingLink(deps, portalUserId, requestId);
  await deps.db.transaction(async (tx) => {
    const owner = await authRepo.findPortalUser(tx, { identityNumber: request.identityNumber });
    if (owner && owner.id !== portalUserId) throw new AppError(409, 'identity_mismatch');
    const user = await authRepo.findPortalUser(tx, { id: portalUserId });
    if (user?.identityNumber && user.identityNumber !== request.identityNumber) throw new AppError(409, 'identity_mismatch');
    await authRepo.updatePortalUser(tx, portalUserId, { identityNumber: request.identityNumber, identityVerifiedAt: new Date() });
    if (sessionFamilyId && sessionFamilyId === request.sessionFamilyId) await authRepo.markFamilyStrong(tx, sessionFamilyId);
  });
  return sessionFamilyId === request.sessionFamilyId;
}

/** Retention (run by the worker): deletes e-ID requests past their expiry. */
export function purgeExpiredRequests(deps: Pick<Deps, 'db'>, now = new Date()) {
  return repo.deleteExpiredRequests(deps.db, now);
}
