import type { DbOrTx } from '../../db/client';
import { AppError, conflict, notFound } from '../../errors';
import * as repo from './repo';

export type Outcome = 'created' | 'updated' | 'unchanged';

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const num = (v: string | null) => (v === null ? null : Number(v));

/** A unique violation answered as 409 with its code; anything else is passed on. */
function uniqueConflict(err: unknown): never {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = e.cause?.code ? e.cause : e;
  if (pg.code === '23505') {
    if (pg.constraint === 'units_landlord_number_key') throw conflict('unit_number_taken');
    if (pg.constraint?.endsWith('_external_id_key')) throw conflict('external_id_taken');
    throw conflict('conflict');
  }
  throw err;
}

/** Writes in a transaction of their own, or a savepoint inside the caller's, mapping unique violations. */
export async function write<T>(db: DbOrTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (err) {
    if (err instanceof AppError) throw err;
    return uniqueConflict(err);
  }
}

export async function requireProperty(db: DbOrTx, landlordId: string, propertyId: string, lock = false) {
  const row = lock ? await repo.lockProperty(db, landlordId, propertyId) : await repo.findProperty(db, landlordId, propertyId);
  if (!row) throw notFound('property');
  return row;
}
