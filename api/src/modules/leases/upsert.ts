import { isDeepStrictEqual } from 'node:util';
import { type LeaseUpsertInput, LeaseUpsertSchema } from '@portico/shared/contracts/leases';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { badRequest, forbidden, notFound } from '../../errors';
import { recordChange } from '../history/service';
import { emitLeaseEvent, type LeaseState, loadState, normaliseLines, sameUnits, snapshot, writeLease } from './common';
import { canManageLeases } from './policy';
import * as repo from './repo';

/**
 * Creates or updates the lease with `externalId`, its customer and units named by their external
 * ids; rent lines in the input replace the stored ones. Runs in the caller's transaction; writes
 * nothing and answers 'unchanged' when the stored lease already equals the input.
 */
export async function upsertLeaseByExternalId(
  db: DbOrTx,
  actor: StaffActor,
  raw: LeaseUpsertInput,
): Promise<{ id: string; outcome: 'created' | 'updated' | 'unchanged' }> {
  if (!canManageLeases(actor)) throw forbidden();
  const parsed = LeaseUpsertSchema.safeParse(raw);
  if (!parsed.success) {
    const code = (parsed.error.issues.find((i) => (i as { params?: { code?: string } }).params?.code) as { params?: { code?: string } })
      ?.params?.code;
    throw badRequest((code as 'valid_to_before_valid_from' | undefined) ?? 'validation_failed');
  }
  const input = parsed.data;
  const { landlordId } = actor;
  const customerId = await repo.findCustomerIdByExternalId(db, { landlordId, externalId: input.customerExternalId });
  if (!customerId) throw notFound('customer');
  const wanted = [...new Set(input.unitExternalIds)];
  const found = await repo.findUnitIdsByExternalId(db, { landlordId, externalIds: wanted });
  const byExternal = new Map(found.map((u) => [u.externalId, u.id]));
  if (wanted.some((x) => !byExternal.has(x))) throw notFound('unit');
  const state: LeaseState = {
    number: input.number,
    type: input.type,
    customerId,
    unitIds: wanted.map((x) => byExternal.get(x)!),
    areaM2: input.areaM2 ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    noticePeriodMonths: input.noticePeriodMonths,
    billingCadence: input.billingCadence,
    rentLines: normaliseLines(input.rentLines),
    externalId: input.externalId,
  };
  const write = async (tx: DbOrTx) => {
    const existing = await repo.findLeaseByExternalId(tx, { landlordId, externalId: input.externalId });
    if (!existing) {
      const row = await writeLease(tx, actor, null, state, { units: true, rentLines: true });
      const after = await snapshot(tx, landlordId, row.id);
      await recordChange(tx, actor, { recordType: 'lease', recordId: row.id, action: 'created', after });
      await emitLeaseEvent(tx, landlordId, row.id, null, after);
      return { id: row.id, outcome: 'created' as const };
    }
    const current = await loadState(tx, landlordId, existing);
    const { unitIds: a, ...restCurrent } = current;
    const { unitIds: b, ...restState } = state;
    if (sameUnits(a, b) && isDeepStrictEqual(restCurrent, restState)) return { id: existing.id, outcome: 'unchanged' as const };
    const locked = await repo.lockLease(tx, { landlordId, leaseId: existing.id });
    const before = await snapshot(tx, landlordId, existing.id);
    await writeLease(tx, actor, locked!, state, {
      units: !sameUnits(state.unitIds, current.unitIds),
      rentLines: !isDeepStrictEqual(state.rentLines, current.rentLines),
    });
    const after = await snapshot(tx, landlordId, existing.id);
    await recordChange(tx, actor, { recordType: 'lease', recordId: existing.id, action: 'updated', before, after });
    await emitLeaseEvent(tx, landlordId, existing.id, before, after);
    return { id: existing.id, outcome: 'updated' as const };
  };
  // In the caller's transaction when given one; a plain connection gets a transaction of its own.
  return 'rollback' in db ? write(db) : (db as Deps['db']).transaction(write);
}
