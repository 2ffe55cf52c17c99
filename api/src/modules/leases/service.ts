import { isDeepStrictEqual } from 'node:util';
import type { LeaseCreate, LeaseDetail, LeaseListQuery, LeasePage, LeasePatch, UnitOptionList } from '@portico/shared/contracts/leases';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, forbidden, notFound } from '../../errors';
import { claimAll, listAttachments, releaseLeaseDocuments } from '../files/service';
import { recordChange } from '../history/service';
import {
  asNumber,
  type Db,
  emitLeaseEvent,
  type LeaseState,
  loadState,
  normaliseLines,
  readDetail,
  sameUnits,
  snapshot,
  today,
  writeLease,
} from './common';
import { canManageLeases, canReadLeases } from './policy';
import * as repo from './repo';

export { rentTotals } from './common';
export { upsertLeaseByExternalId } from './upsert';

// --- Reads ---------------------------------------------------------------------------------------

export async function listLeases(deps: Deps, actor: StaffActor, query: LeaseListQuery): Promise<LeasePage> {
  if (!canReadLeases(actor)) throw forbidden();
  const page = await repo.listLeases(deps.db, actor.landlordId, query);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.lease.id,
      number: r.lease.number,
      type: r.lease.type,
      status: r.lease.status,
      customer: { id: r.lease.customerId, name: r.customerName },
      address: r.address ?? '',
      unitCount: Number(r.unitCount),
      validFrom: r.lease.validFrom,
      validTo: r.lease.validTo,
      archived: r.lease.archivedAt !== null,
    })),
  };
}

export async function listUnitOptions(
  deps: Deps,
  actor: StaffActor,
  query: { q?: string | undefined; limit: number },
): Promise<UnitOptionList> {
  if (!canReadLeases(actor)) throw forbidden();
  const rows = await repo.searchUnits(deps.db, { landlordId: actor.landlordId, ...query, today: today() });
  return {
    items: rows.map((u) => ({
      id: u.id,
      number: u.number,
      type: u.type,
      address: u.address,
      areaM2: asNumber(u.areaM2),
      property: { id: u.propertyId, name: u.propertyName },
      leasedBy: u.leasedBy,
    })),
  };
}

export async function getLease(deps: Deps, actor: StaffActor, leaseId: string): Promise<LeaseDetail> {
  if (!canReadLeases(actor)) throw forbidden();
  return readDetail(deps.db, actor.landlordId, leaseId);
}

/** Binds the actor's upload to the lease as its signed document (PDF only); null removes it. */
async function setSignedPdf(tx: Db, actor: StaffActor, leaseId: string, attachmentId: string | null) {
  if (attachmentId) {
    const current = (await listAttachments(tx, actor.landlordId, 'leaseId', [leaseId])).at(-1);
    if (current?.id === attachmentId) return;
    await claimAll(tx, actor, [attachmentId], { leaseId });
    const claimed = (await listAttachments(tx, actor.landlordId, 'leaseId', [leaseId])).find((a) => a.id === attachmentId);
    // Sniffed at upload: a PNG named .pdf is image/png here.
    if (claimed?.contentType !== 'application/pdf') throw new AppError(415, 'lease_document_not_pdf');
  }
  await releaseLeaseDocuments(tx, actor.landlordId, leaseId, attachmentId);
}

export async function createLease(deps: Deps, actor: StaffActor, input: LeaseCreate): Promise<LeaseDetail> {
  if (!canManageLeases(actor)) throw forbidden();
  return deps.db.transaction(async (tx) => {
    const row = await writeLease(
      tx,
      actor,
      null,
      {
        number: input.number,
        type: input.type,
        customerId: input.customerId,
        unitIds: input.unitIds,
        areaM2: input.areaM2 ?? null,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        noticePeriodMonths: input.noticePeriodMonths,
        billingCadence: input.billingCadence,
        rentLines: normaliseLines(input.rentLines),
        externalId: input.externalId ?? null,
      },
      { units: true, rentLines: true },
    );
    if (input.signedPdfId) await setSignedPdf(tx, actor, row.id, input.signedPdfId);
    const after = await snapshot(tx, actor.landlordId, row.id);
    await recordChange(tx, actor, { recordType: 'lease', recordId: row.id, action: 'created', after });
    await emitLeaseEvent(tx, actor.landlordId, row.id, null, after);
    return readDetail(tx, actor.landlordId, row.id);
  });
}

export async function updateLease(deps: Deps, actor: StaffActor, leaseId: string, patch: LeasePatch): Promise<LeaseDetail> {
  if (!canManageLeases(actor)) throw forbidden();
  return deps.db.transaction(async (tx) => {
    const existing = await repo.lockLease(tx, { landlordId: actor.landlordId, leaseId });
    if (!existing) throw notFound('lease');
    const before = await snapshot(tx, actor.landlordId, leaseId);
    const current = await loadState(tx, actor.landlordId, existing);
    const next: LeaseState = {
      number: patch.number ?? current.number,
      type: patch.type ?? current.type,
      customerId: patch.customerId ?? current.customerId,
      unitIds: patch.unitIds ?? current.unitIds,
      areaM2: patch.areaM2 === undefined ? current.areaM2 : patch.areaM2,
      validFrom: patch.validFrom ?? current.validFrom,
      validTo: patch.validTo === undefined ? current.validTo : patch.validTo,
      noticePeriodMonths: patch.noticePeriodMonths ?? current.noticePeriodMonths,
      billingCadence: patch.billingCadence ?? current.billingCadence,
      rentLines: patch.rentLines ? normaliseLines(patch.rentLines) : current.rentLines,
      externalId: patch.externalId === undefined ? current.externalId : patch.externalId,
    };
    await writeLease(tx, actor, existing, next, {
      units: !sameUnits(next.unitIds, current.unitIds),
      rentLines: !isDeepStrictEqual(next.rentLines, current.rentLines),
    });
    if (patch.signedPdfId !== undefined) await setSignedPdf(tx, actor, leaseId, patch.signedPdfId);
    const after = await snapshot(tx, actor.landlordId, leaseId);
    await recordChange(tx, actor, { recordType: 'lease', recordId: leaseId, action: 'updated', before, after });
    await emitLeaseEvent(tx, actor.landlordId, leaseId, before, after);
    return readDetail(tx, actor.landlordId, leaseId);
  });
}

/**
 * For the customers module: a customer with a running lease (active, or terminated and not yet
 * ended; archived leases do not count) cannot be deleted (409 `customer_has_active_leases`).
 */
export const customerHasRunningLease = (db: DbOrTx, landlordId: string, customerId: string) =>
  repo.customerHasRunningLease(db, { landlordId, customerId });
