import { createHash, randomBytes } from 'node:crypto';
import {
  API_KEY_PREFIX,
  API_KEY_SHOWN_PREFIX_LENGTH,
  type ApiKey,
  type ApiKeyCreate,
  type ApiKeyCreated,
  type ApiKeyPage,
} from '@portico/shared/contracts/api-keys';
import { type ApiScope, ApiScopeSchema } from '@portico/shared/contracts/api-scopes';
import type { CursorQuery } from '@portico/shared/pagination';
import type { StaffActor } from '../../actors';
import type { Deps } from '../../deps';
import { AppError, badRequest, forbidden, notFound, unauthenticated } from '../../errors';
import { canManageApiKeys } from './policy';
import * as repo from './repo';

/** 32 random bytes (256 bits) in base64url: 43 characters after `ptk_`. */
const SECRET_BYTES = 32;
/** last_used_at is written at most once per this long per key (decision 10K3). */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * SHA-256 is enough here (decision 10K1): the secret is 256 random bits, so there is nothing to
 * guess a dictionary for; a slow hash would only cost every request tens of milliseconds.
 */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Only well-formed secrets reach the database: `ptk_` and 43 base64url characters. */
const SECRET_PATTERN = new RegExp(`^${API_KEY_PREFIX}[A-Za-z0-9_-]{43}$`);

function assertMayManage(actor: StaffActor) {
  if (!canManageApiKeys(actor)) throw forbidden(actor.apiKey ? 'api_key_not_allowed' : 'forbidden');
}

function statusOf(row: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): ApiKey['status'] {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  return 'active';
}

const scopesOf = (raw: string[]): ApiScope[] => raw.flatMap((s) => (ApiScopeSchema.safeParse(s).success ? [s as ApiScope] : []));

function toApiKey(row: repo.ApiKeyListRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: scopesOf(row.scopes),
    status: statusOf(row),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    createdBy: { id: row.createdBy, name: row.createdByName },
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listKeys(deps: Deps, actor: StaffActor, query: CursorQuery): Promise<ApiKeyPage> {
  assertMayManage(actor);
  const page = await repo.listKeys(deps.db, { landlordId: actor.landlordId, ...query });
  return { ...page, items: page.items.map(toApiKey) };
}

/** Makes a key and answers its secret, this once: only its SHA-256 is stored. */
export async function createKey(deps: Deps, actor: StaffActor, input: ApiKeyCreate): Promise<ApiKeyCreated> {
  assertMayManage(actor);
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw badRequest('api_key_expiry_past');
  const secret = `${API_KEY_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  const scopes = [...new Set(input.scopes)];
  const { id } = await repo.insertKey(deps.db, {
    landlordId: actor.landlordId,
    name: input.name,
    prefix: secret.slice(0, API_KEY_SHOWN_PREFIX_LENGTH),
    secretHash: hashSecret(secret),
    scopes,
    expiresAt,
    createdBy: actor.id,
  });
  const row = await repo.findKey(deps.db, actor.landlordId, id);
  return { ...toApiKey(row!), secret };
}

/** Revoked at once: the next request with the key is refused. Revoking a revoked key changes nothing. */
export async function revokeKey(deps: Deps, actor: StaffActor, id: string): Promise<ApiKey> {
  assertMayManage(actor);
  return deps.db.transaction(async (tx) => {
    const row = await repo.findKey(tx, actor.landlordId, id, true);
    if (!row) throw notFound('api_key');
    if (!row.revokedAt) await repo.revokeKey(tx, { landlordId: actor.landlordId, id, revokedBy: actor.id, at: new Date() });
    return toApiKey((await repo.findKey(tx, actor.landlordId, id))!);
  });
}

export type AuthenticatedKey = {
  id: string;
  landlordId: string;
  name: string;
  scopes: ApiScope[];
  createdBy: string;
  defaultLocale: 'sv' | 'da' | 'en';
};

/**
 * The key an `Authorization: Bearer …` header presents, or a 401: malformed or unknown
 * (`api_key_invalid`), revoked, expired. Looked up on every request, so revocation and expiry
 * take effect at once; last_used_at is written at most once a minute.
 */
export async function authenticateKey(deps: Pick<Deps, 'db'>, authorization: string): Promise<AuthenticatedKey> {
  const match = /^Bearer +(\S+) *$/i.exec(authorization);
  const secret = match?.[1];
  if (!secret || !SECRET_PATTERN.test(secret)) throw unauthenticated('api_key_invalid');
  const row = await repo.findKeyByHash(deps.db, hashSecret(secret));
  if (!row) throw unauthenticated('api_key_invalid');
  const now = new Date();
  if (row.revokedAt) throw unauthenticated('api_key_revoked');
  if (row.expiresAt && row.expiresAt <= now) throw unauthenticated('api_key_expired');
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await repo.touchKey(deps.db, {
      landlordId: row.landlordId,
      id: row.id,
      at: now,
      staleBefore: new Date(now.getTime() - TOUCH_INTERVAL_MS),
    });
  }
  return {
    id: row.id,
    landlordId: row.landlordId,
    name: row.name,
    scopes: scopesOf(row.scopes),
    createdBy: row.createdBy,
    defaultLocale: row.defaultLocale,
  };
}

/** The 403 a key gets on a route it may not use. */
export const scopeMissing = (scope: ApiScope) => new AppError(403, 'api_key_scope_missing', { scope });
