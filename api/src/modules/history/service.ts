import { isDeepStrictEqual } from 'node:util';
import type { HistoryEntry, HistoryPage, RecordAction, RecordType } from '@portico/shared/contracts/records';
import type { CursorQuery } from '@portico/shared/pagination';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { forbidden, notFound } from '../../errors';
import { canReadHistory } from './policy';
import * as repo from './repo';

/** Who a change is recorded against: a staff user, an integrator's API key, or the system itself. */
export type ChangeActor =
  | StaffActor
  | { kind: 'api_key'; id: string; name: string; landlordId: string }
  | { kind: 'system'; name: string; landlordId: string };

type Fields = Record<string, unknown>;

/** Dates as ISO text, `undefined` as `null`: what the history shows is what the API answers. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/**
 * The fields that differ between two versions of a record, `{ field: { from, to } }`. Pass the
 * fields a user can see (never secrets such as password hashes); `before` is null for a new record
 * (every non-empty field is listed as set).
 */
export function diffFields(before: Fields | null, after: Fields | null): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const from = comparable(before?.[key]);
    const to = comparable(after?.[key]);
    if (!isDeepStrictEqual(from, to)) changes[key] = { from, to };
  }
  return changes;
}

export type ChangeRecord = {
  recordType: RecordType;
  recordId: string;
  action: RecordAction;
  before?: Fields | null;
  after?: Fields | null;
};

/**
 * Records changes in the caller's transaction (pass `tx`), so a change and its history commit
 * together. An `updated` that changed nothing is not recorded: re-importing the same file leaves
 * no trace but its own import record.
 */
export async function recordChanges(db: DbOrTx, changedBy: ChangeActor, changes: ChangeRecord[]): Promise<void> {
  const actor: ChangeActor =
    changedBy.kind === 'staff' && changedBy.apiKey
      ? { kind: 'api_key', id: changedBy.apiKey.id, name: changedBy.apiKey.name, landlordId: changedBy.landlordId }
      : changedBy;
  const rows = changes.flatMap((c) => {
    const fields = diffFields(c.before ?? null, c.after ?? null);
    if (c.action === 'updated' && Object.keys(fields).length === 0) return [];
    return [
      {
        landlordId: actor.landlordId,
        recordType: c.recordType,
        recordId: c.recordId,
        action: c.action,
        actorKind: actor.kind,
        actorId: actor.kind === 'system' ? null : actor.id,
        actorName: actor.name,
        changes: fields,
      },
    ];
  });
  await repo.insertChanges(db, rows);
}

export const recordChange = (db: DbOrTx, actor: ChangeActor, change: ChangeRecord) => recordChanges(db, actor, [change]);

export async function listHistory(
  deps: Deps,
  actor: StaffActor,
  recordType: RecordType,
  recordId: string,
  query: CursorQuery,
): Promise<HistoryPage> {
  if (!canReadHistory(actor, recordType)) throw forbidden();
  const page = await repo.listChanges(deps.db, { landlordId: actor.landlordId, recordType, recordId, ...query });
  // Every record made through the services has a `created` entry: none means no such record here
  // (another landlord's id included), answered like any unknown id.
  // The landlord's own settings always exist, changed or not: an empty history, not a 404.
  const ownSettings = recordType === 'settings' && recordId === actor.landlordId;
  if (page.total === 0 && !ownSettings) throw notFound('record');
  const items: HistoryEntry[] = page.items.map((c) => ({
    id: c.id,
    at: c.at.toISOString(),
    action: c.action,
    actor: { kind: c.actorKind, id: c.actorId, name: c.actorName },
    changes: c.changes as HistoryEntry['changes'],
  }));
  return { ...page, items };
}
