import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { apiKeys } from '../../db/schema/api-keys';
import { landlords } from '../../db/schema/landlords';
import { staffUsers } from '../../db/schema/staff';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ApiKeyListRow = ApiKeyRow & { createdByName: string };

const creators = alias(staffUsers, 'creators');
const columns = {
  id: apiKeys.id,
  landlordId: apiKeys.landlordId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  secretHash: apiKeys.secretHash,
  scopes: apiKeys.scopes,
  expiresAt: apiKeys.expiresAt,
  createdBy: apiKeys.createdBy,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  revokedBy: apiKeys.revokedBy,
  createdByName: creators.name,
};

const keyKeys = keyset(
  [
    { expr: apiKeys.createdAt, type: 'timestamptz' },
    { expr: apiKeys.id, type: 'uuid' },
  ],
  'desc',
);

/** The landlord's keys, newest first, served by api_keys_landlord_created_idx. */
export async function listKeys(db: DbOrTx, p: { landlordId: string; cursor?: string | undefined; limit: number }) {
  const pos = keyKeys.decode(p.cursor);
  const where = eq(apiKeys.landlordId, p.landlordId);
  const [rows, count] = await Promise.all([
    db
      .select({ row: columns, ...keyKeys.select })
      .from(apiKeys)
      .innerJoin(creators, and(eq(creators.landlordId, apiKeys.landlordId), eq(creators.id, apiKeys.createdBy)))
      .where(and(where, keyKeys.where(pos)))
      .orderBy(...keyKeys.orderBy(pos))
      .limit(p.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(apiKeys)
        .where(where)
        .orderBy(...keyKeys.orderBy()),
    ),
  ]);
  const paged = keyKeys.page(rows, p.limit, pos);
  return { ...paged, items: paged.items.map((r) => r.row as ApiKeyListRow), ...count };
}

export async function findKey(db: DbOrTx, landlordId: string, id: string, lock = false) {
  const query = db
    .select(columns)
    .from(apiKeys)
    .innerJoin(creators, and(eq(creators.landlordId, apiKeys.landlordId), eq(creators.id, apiKeys.createdBy)))
    .where(and(eq(apiKeys.landlordId, landlordId), eq(apiKeys.id, id)));
  const [row] = lock ? await query.for('update', { of: apiKeys }) : await query;
  return row as ApiKeyListRow | undefined;
}

export async function insertKey(
  db: DbOrTx,
  values: Pick<ApiKeyRow, 'landlordId' | 'name' | 'prefix' | 'secretHash' | 'scopes' | 'expiresAt' | 'createdBy'>,
) {
  const [row] = await db.insert(apiKeys).values(values).returning({ id: apiKeys.id });
  return row!;
}

export async function revokeKey(db: DbOrTx, p: { landlordId: string; id: string; revokedBy: string; at: Date }) {
  await db
    .update(apiKeys)
    .set({ revokedAt: p.at, revokedBy: p.revokedBy })
    .where(and(eq(apiKeys.landlordId, p.landlordId), eq(apiKeys.id, p.id), isNull(apiKeys.revokedAt)));
}

/**
 * The key a request presents, by the hash of its secret (api_keys_secret_hash_key), with what the
 * request needs of its landlord. Called on every key request, so revocation takes effect at once.
 */
export async function findKeyByHash(db: DbOrTx, secretHash: string) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      landlordId: apiKeys.landlordId,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      createdBy: apiKeys.createdBy,
      defaultLocale: landlords.defaultLocale,
    })
    .from(apiKeys)
    .innerJoin(landlords, eq(landlords.id, apiKeys.landlordId))
    .where(eq(apiKeys.secretHash, secretHash));
  return row;
}

/** Sets last_used_at unless another request (on any instance) did so less than `staleBefore` ago. */
export async function touchKey(db: DbOrTx, p: { landlordId: string; id: string; at: Date; staleBefore: Date }) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: p.at })
    .where(
      and(
        eq(apiKeys.landlordId, p.landlordId),
        eq(apiKeys.id, p.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, p.staleBefore)),
      ),
    );
}
