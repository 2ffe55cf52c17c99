import type { LeaseDetail, LeaseTerminate } from '@portico/shared/contracts/leases';
import { addMonths, formatISO, lastDayOfMonth, parseISO } from 'date-fns';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../errors';
import { recordChange } from '../history/service';
import { emitLeaseEvent, loadState, readDetail, snapshot, today } from './common';
import { canManageLeases } from './policy';
import * as repo from './repo';

/**
 * Notice given: the lease ends on `endDate`, by default at the month end after the notice period
 * (Swedish and Danish practice: "to the turn of the month after N months"), or its own end date if
 * that comes first.
 */
export async function terminateLease(deps: Deps, actor: StaffActor, leaseId: string, input: LeaseTerminate): Promise<LeaseDetail> {
  if (!canManageLeases(actor)) throw forbidden();
  return deps.db.transaction(async (tx) => {
    const lease = await repo.lockLease(tx, { landlordId: actor.landlordId, leaseId });
    if (!lease) throw notFound('lease');
    if (lease.status !== 'active' || lease.archivedAt) throw conflict('invalid_transition');
    const noticeDate = input.noticeDate ?? today();
    const byNotice = formatISO(lastDayOfMonth(addMonths(parseISO(noticeDate), lease.noticePeriodMonths)), { representation: 'date' });
    const endDate = input.endDate ?? (lease.validTo && lease.validTo < byNotice ? lease.validTo : byNotice);
    if (endDate < noticeDate || endDate < lease.validFrom) throw badRequest('lease_end_before_notice');
    return changeStatus(tx, actor, leaseId, { status: 'terminated', noticeDate, validTo: endDate });
  });
}

/** Writes a status change and its history entry (fields before and after) in the caller's transaction. */
async function changeStatus(tx: DbOrTx, actor: StaffActor, leaseId: string, patch: Parameters<typeof repo.updateLease>[2]) {
  const before = await snapshot(tx, actor.landlordId, leaseId);
  await repo.updateLease(tx, { landlordId: actor.landlordId, leaseId }, patch);
  const after = await snapshot(tx, actor.landlordId, leaseId);
  await recordChange(tx, actor, { recordType: 'lease', recordId: leaseId, action: 'updated', before, after });
  await emitLeaseEvent(tx, actor.landlordId, leaseId, before, after);
  return readDetail(tx, actor.landlordId, leaseId);
}

/** A lease whose last day has passed is ended: its units are free for new leases from then on. */
export async function endLease(deps: Deps, actor: StaffActor, leaseId: string): Promise<LeaseDetail> {
  if (!canManageLeases(actor)) throw forbidden();
  return deps.db.transaction(async (tx) => {
    const lease = await repo.lockLease(tx, { landlordId: actor.landlordId, leaseId });
    if (!lease) throw notFound('lease');
    if (lease.status === 'ended' || lease.archivedAt) throw conflict('invalid_transition');
    if (!lease.validTo || lease.validTo >= today()) throw conflict('lease_still_running');
    return changeStatus(tx, actor, leaseId, { status: 'ended' });
  });
}

/** Archived leases leave the list and hold no unit; an active lease must be terminated or ended first. */
export async function archiveLease(deps: Deps, actor: StaffActor, leaseId: string): Promise<LeaseDetail> {
  if (!canManageLeases(actor)) throw forbidden();
  return deps.db.transaction(async (tx) => {
    const lease = await repo.lockLease(tx, { landlordId: actor.landlordId, leaseId });
    if (!lease) throw notFound('lease');
    if (lease.archivedAt) return readDetail(tx, actor.landlordId, leaseId);
    if (lease.status === 'active') throw conflict('lease_is_active');
    await repo.updateLease(tx, { landlordId: actor.landlordId, leaseId }, { archivedAt: new Date() });
    await recordChange(tx, actor, { recordType: 'lease', recordId: leaseId, action: 'archived' });
    await emitLeaseEvent(tx, actor.landlordId, leaseId, {}, {}, ['archived']);
    return readDetail(tx, actor.landlordId, leaseId);
  });
}

/** Back in the list; a terminated lease holds its units again, so it must not overlap one made meanwhile. */
export async function restoreLease(deps: Deps, actor: StaffActor, leaseId: string): Promise<LeaseDetail> {
  if (!canManageLeases(actor)) throw forbidden();
  return deps.db.transaction(async (tx) => {
    const lease = await repo.lockLease(tx, { landlordId: actor.landlordId, leaseId });
    if (!lease) throw notFound('lease');
    if (!lease.archivedAt) return readDetail(tx, actor.landlordId, leaseId);
    if (lease.status !== 'ended') {
      const state = await loadState(tx, actor.landlordId, lease);
      await repo.lockUnits(tx, { landlordId: actor.landlordId, unitIds: state.unitIds });
      const clash = await repo.findOverlappingLease(tx, { ...state, landlordId: actor.landlordId, exceptLeaseId: lease.id });
      if (clash) throw new AppError(409, 'unit_already_leased', { unit: clash.unitNumber, lease: clash.leaseNumber });
    }
    await repo.updateLease(tx, { landlordId: actor.landlordId, leaseId }, { archivedAt: null });
    await recordChange(tx, actor, { recordType: 'lease', recordId: leaseId, action: 'restored' });
    await emitLeaseEvent(tx, actor.landlordId, leaseId, {}, {}, ['archived']);
    return readDetail(tx, actor.landlordId, leaseId);
  });
}
