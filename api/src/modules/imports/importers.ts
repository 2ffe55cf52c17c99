import type { ImportKind } from '@portico/shared/contracts/imports';
import type { z } from 'zod';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { AppError } from '../../errors';

export type UpsertOutcome = { id: string; outcome: 'created' | 'updated' | 'unchanged' };

/**
 * How a row of each kind is saved: the record module's upsert (it runs in the caller's
 * transaction, matches on the external id, checks policy and records history) and its input
 * schema, which every row is validated against first.
 */
export type Importer = {
  schema: z.ZodType;
  upsert: (tx: DbOrTx, actor: StaffActor, input: never) => Promise<UpsertOutcome>;
  /** The field a refusal of the upsert is about (an unknown reference, a taken number). */
  fieldOfError?: (err: AppError) => string | undefined;
};

/** Wired to the record modules' upserts (properties, units, customers, leases). */
export const IMPORTERS: Partial<Record<ImportKind, Importer>> = {};
