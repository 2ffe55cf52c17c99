import { isDeepStrictEqual } from 'node:util';
import {
  type LeaseCreate,
  type LeaseDetail,
  type LeaseListQuery,
  type LeasePage,
  type LeasePatch,
  type LeaseTerminate,
  type LeaseUpsertInput,
  LeaseUpsertSchema,
  leaseProblems,
  type RentTotals,
  type UnitOptionList,
} from '@portico/shared/contracts/leases';
import { addMonths, formatISO, lastDayOfMonth, parseISO } from 'date-fns';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../errors';
import { claimAll, listAttachments, releaseLeaseDocuments, toAttachment } from '../files/service';
import { recordChange } from '../history/service';
import { findLandlord } from '../settings/service';
import { canManageLeases, canReadLeases } from './policy';
import * as repo from './repo';

type Db = DbOrTx;

/** Today's date (UTC) as `YYYY-MM-DD`. */
const today = () => new Date().toISOString().slice(0, 10);
const asNumber = (v: string | null) => (v === null ? null : Number(v));

/** A lease as the writing code sees it: every field resolved, parents by id. */
type LeaseState = {
  number: string;
  type: repo.LeaseRow['type'];
  customerId: string;
  unitIds: string[];
  areaM2: number | null;
  validFrom: string;
  validTo: string | null;
  noticePeriodMonths: number;
  rentLines: repo.RentLineValues[];
  externalId: string | null;
};

export function rentTotals(lines: { amountMinor: number; vatRate: number }[]): RentTotals {
  const netMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0);
  // VAT rounded per line to whole öre/øre, as a notice prints it line by line.
  const vatMinor = lines.reduce((sum, l) => sum + Math.round((l.amountMinor * l.vatRate) / 100), 0);
  return { netMinor, vatMinor, grossMinor: netMinor + vatMinor };
}

/** The unique constraint a Postgres error broke, if it was a unique violation. */
function uniqueViolation(err: unknown): string | undefined {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  if (e.cause?.code === '23505') return e.cause.constraint ?? '';
  if (e.code === '23505') return e.constraint ?? '';
  return undefined;
}

async function translateUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const constraint = uniqueViolation(err);
    if (constraint === 'leases_landlord_number_key') throw conflict('lease_number_taken');
    if (constraint === 'leases_landlord_external_id_key') throw conflict('external_id_taken');
    throw err;
  }
}

async function loadState(db: Db, landlordId: string, lease: repo.LeaseRow): Promise<LeaseState> {
  const units = await repo.listLeaseUnits(db, { landlordId, leaseIds: [lease.id] });
  const lines = await repo.listRentLines(db, { landlordId, leaseId: lease.id });
  return {
    number: lease.number,
    type: lease.type,
    customerId: lease.customerId,
    unitIds: units.map((u) => u.id),
    areaM2: asNumber(lease.areaM2),
    validFrom: lease.validFrom,
    validTo: lease.validTo,
    noticePeriodMonths: lease.noticePeriodMonths,
    rentLines: lines.map((l) => ({ kind: l.kind, description: l.description, amountMinor: l.amountMinor, vatRate: l.vatRate })),
    externalId: lease.externalId,
  };
}

/** What the history shows of a lease: the fields a user sees, parents by their names and numbers. */
async function snapshot(db: Db, landlordId: string, leaseId: string) {
  const detail = await readDetail(db, landlordId, leaseId);
  return {
    number: detail.number,
    type: detail.type,
    customer: detail.customer.name,
    units: detail.units.map((u) => u.number),
    areaM2: detail.areaM2Agreed,
    validFrom: detail.validFrom,
    validTo: detail.validTo,
    status: detail.status,
    noticePeriodMonths: detail.noticePeriodMonths,
    noticeDate: detail.noticeDate,
    rentLines: detail.rentLines.map(({ id: _, ...l }) => l),
    signedPdf: detail.signedPdf?.filename ?? null,
    externalId: detail.externalId,
  };
}

async function readDetail(db: Db, landlordId: string, leaseId: string): Promise<LeaseDetail> {
  const found = await repo.findLease(db, { landlordId, leaseId });
  if (!found) throw notFound('lease');
  const { lease, customerName } = found;
  // One after the other: inside a transaction they share one connection.
  const units = await repo.listLeaseUnits(db, { landlordId, leaseIds: [lease.id] });
  const lines = await repo.listRentLines(db, { landlordId, leaseId: lease.id });
  const files = await listAttachments(db, landlordId, 'leaseId', [lease.id]);
  const landlord = await findLandlord(db, landlordId);
  const unitAreas = units.map((u) => asNumber(u.areaM2));
  const unitsArea = unitAreas.some((a) => a !== null) ? Math.round(unitAreas.reduce<number>((s, a) => s + (a ?? 0), 0) * 100) / 100 : null;
  const rentLines = lines.map((l) => ({
    id: l.id,
    kind: l.kind,
    description: l.description,
    amountMinor: l.amountMinor,
    vatRate: l.vatRate,
  }));
  const pdf = files.at(-1);
  return {
    id: lease.id,
    number: lease.number,
    type: lease.type,
    status: lease.status,
    customer: { id: lease.customerId, name: customerName },
    address: units.find((u) => u.main)?.address ?? units[0]?.address ?? '',
    unitCount: units.length,
    validFrom: lease.validFrom,
    validTo: lease.validTo,
    archived: lease.archivedAt !== null,
    units: units.map((u) => ({
      id: u.id,
      number: u.number,
      type: u.type,
      address: u.address,
      areaM2: asNumber(u.areaM2),
      property: { id: u.propertyId, name: u.propertyName },
    })),
    areaM2: asNumber(lease.areaM2) ?? unitsArea,
    areaM2Agreed: asNumber(lease.areaM2),
    noticePeriodMonths: lease.noticePeriodMonths,
    noticeDate: lease.noticeDate,
    rentLines,
    totals: rentTotals(rentLines),
    currency: landlord?.country === 'DK' ? 'DKK' : 'SEK',
    signedPdf: pdf ? toAttachment(pdf) : null,
    externalId: lease.externalId,
    archivedAt: lease.archivedAt?.toISOString() ?? null,
    createdAt: lease.createdAt.toISOString(),
    updatedAt: lease.updatedAt.toISOString(),
  };
}

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

// --- Writes --------------------------------------------------------------------------------------

/**
 * Writes a lease's fields, units and rent lines after checking every rule on the whole record:
 * dates, VAT, the customer and units being the landlord's, and no running lease holding one of the
 * units on an overlapping day (the units are locked first, decision 9L2).
 */
async function writeLease(
  tx: Db,
  actor: StaffActor,
  existing: repo.LeaseRow | null,
  state: LeaseState,
  changed: { units: boolean; rentLines: boolean },
) {
  const { landlordId } = actor;
  const problem = leaseProblems(state)[0];
  if (problem) throw badRequest(problem.params.code);
  if (!(await repo.customerExists(tx, { landlordId, customerId: state.customerId }))) throw notFound('customer');
  const unitIds = [...new Set(state.unitIds)];
  const locked = await repo.lockUnits(tx, { landlordId, unitIds });
  if (locked.length !== unitIds.length) throw notFound('unit');
  const running = !existing || (existing.status !== 'ended' && existing.archivedAt === null);
  if (running) {
    const clash = await repo.findOverlappingLease(tx, {
      landlordId,
      unitIds,
      validFrom: state.validFrom,
      validTo: state.validTo,
      ...(existing ? { exceptLeaseId: existing.id } : {}),
    });
    if (clash) throw new AppError(409, 'unit_already_leased', { unit: clash.unitNumber, lease: clash.leaseNumber });
  }
  const values = {
    number: state.number,
    type: state.type,
    customerId: state.customerId,
    unitId: unitIds[0]!,
    areaM2: state.areaM2 === null ? null : String(state.areaM2),
    validFrom: state.validFrom,
    validTo: state.validTo,
    noticePeriodMonths: state.noticePeriodMonths,
    externalId: state.externalId,
  };
  const row = await translateUnique(() =>
    existing ? repo.updateLease(tx, { landlordId, leaseId: existing.id }, values) : repo.insertLease(tx, { ...values, landlordId }),
  );
  if (!existing || changed.units) await repo.replaceLeaseUnits(tx, { landlordId, leaseId: row.id, unitIds });
  if (!existing || changed.rentLines) await repo.replaceRentLines(tx, { landlordId, leaseId: row.id, lines: state.rentLines });
  return row;
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

/** Units compared as a lease holds them: the main unit, then the others in any order. */
const sameUnits = (a: string[], b: string[]) =>
  a[0] === b[0] && isDeepStrictEqual([...new Set(a.slice(1))].sort(), [...new Set(b.slice(1))].sort());

const normaliseLines = (lines: LeaseCreate['rentLines']): repo.RentLineValues[] =>
  lines.map((l) => ({ kind: l.kind, description: l.description, amountMinor: l.amountMinor, vatRate: l.vatRate }));

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
        rentLines: normaliseLines(input.rentLines),
        externalId: input.externalId ?? null,
      },
      { units: true, rentLines: true },
    );
    if (input.signedPdfId) await setSignedPdf(tx, actor, row.id, input.signedPdfId);
    await recordChange(tx, actor, {
      recordType: 'lease',
      recordId: row.id,
      action: 'created',
      after: await snapshot(tx, actor.landlordId, row.id),
    });
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
      rentLines: patch.rentLines ? normaliseLines(patch.rentLines) : current.rentLines,
      externalId: patch.externalId === undefined ? current.externalId : patch.externalId,
    };
    await writeLease(tx, actor, existing, next, {
      units: !sameUnits(next.unitIds, current.unitIds),
      rentLines: !isDeepStrictEqual(next.rentLines, current.rentLines),
    });
    if (patch.signedPdfId !== undefined) await setSignedPdf(tx, actor, leaseId, patch.signedPdfId);
    await recordChange(tx, actor, {
      recordType: 'lease',
      recordId: leaseId,
      action: 'updated',
      before,
      after: await snapshot(tx, actor.landlordId, leaseId),
    });
    return readDetail(tx, actor.landlordId, leaseId);
  });
}

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
    const before = await snapshot(tx, actor.landlordId, leaseId);
    await repo.updateLease(tx, { landlordId: actor.landlordId, leaseId }, { status: 'terminated', noticeDate, validTo: endDate });
    await recordChange(tx, actor, {
      recordType: 'lease',
      recordId: leaseId,
      action: 'updated',
      before,
      after: await snapshot(tx, actor.landlordId, leaseId),
    });
    return readDetail(tx, actor.landlordId, leaseId);
  });
}

/** A lease whose last day has passed is ended: its units are free for new leases from then on. */
export async function endLease(deps: Deps, actor: StaffActor, leaseId: string): Promise<LeaseDetail> {
  if (!canManageLeases(actor)) throw forbidden();
  return deps.db.transaction(async (tx) => {
    const lease = await repo.lockLease(tx, { landlordId: actor.landlordId, leaseId });
    if (!lease) throw notFound('lease');
    if (lease.status === 'ended' || lease.archivedAt) throw conflict('invalid_transition');
    if (!lease.validTo || lease.validTo >= today()) throw conflict('lease_still_running');
    const before = await snapshot(tx, actor.landlordId, leaseId);
    await repo.updateLease(tx, { landlordId: actor.landlordId, leaseId }, { status: 'ended' });
    await recordChange(tx, actor, {
      recordType: 'lease',
      recordId: leaseId,
      action: 'updated',
      before,
      after: await snapshot(tx, actor.landlordId, leaseId),
    });
    return readDetail(tx, actor.landlordId, leaseId);
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
    return readDetail(tx, actor.landlordId, leaseId);
  });
}

// --- The import and integrators --------------------------------------------------------------------

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
    rentLines: normaliseLines(input.rentLines),
    externalId: input.externalId,
  };
  const write = async (tx: DbOrTx) => {
    const existing = await repo.findLeaseByExternalId(tx, { landlordId, externalId: input.externalId });
    if (!existing) {
      const row = await writeLease(tx, actor, null, state, { units: true, rentLines: true });
      await recordChange(tx, actor, {
        recordType: 'lease',
        recordId: row.id,
        action: 'created',
        after: await snapshot(tx, landlordId, row.id),
      });
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
    await recordChange(tx, actor, {
      recordType: 'lease',
      recordId: existing.id,
      action: 'updated',
      before,
      after: await snapshot(tx, landlordId, existing.id),
    });
    return { id: existing.id, outcome: 'updated' as const };
  };
  // In the caller's transaction when given one; a plain connection gets a transaction of its own.
  return 'rollback' in db ? write(db) : (db as Deps['db']).transaction(write);
}

/**
 * For the customers module: a customer with a running lease (active, or terminated and not yet
 * ended; archived leases do not count) cannot be deleted (409 `customer_has_active_leases`).
 */
export const customerHasRunningLease = (db: DbOrTx, landlordId: string, customerId: string) =>
  repo.customerHasRunningLease(db, { landlordId, customerId });
