import { isDeepStrictEqual } from 'node:util';
import { type LeaseCreate, type LeaseDetail, leaseProblems, type RentTotals } from '@portico/shared/contracts/leases';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import { uniqueViolation } from '../../db/pg-errors';
import { AppError, badRequest, conflict, notFound } from '../../errors';
import { emitEvent } from '../events/service';
import { listAttachments, toAttachment } from '../files/service';
import { findLandlord } from '../settings/service';
import * as repo from './repo';

export type Db = DbOrTx;

/** Today's date (UTC) as `YYYY-MM-DD`. */
export const today = () => new Date().toISOString().slice(0, 10);
export const asNumber = (v: string | null) => (v === null ? null : Number(v));

/** A lease as the writing code sees it: every field resolved, parents by id. */
export type LeaseState = {
  number: string;
  type: repo.LeaseRow['type'];
  customerId: string;
  unitIds: string[];
  areaM2: number | null;
  validFrom: string;
  validTo: string | null;
  noticePeriodMonths: number;
  billingCadence: repo.LeaseRow['billingCadence'];
  rentLines: repo.RentLineValues[];
  externalId: string | null;
};

export function rentTotals(lines: { amountMinor: number; vatRate: number }[]): RentTotals {
  const netMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0);
  // VAT rounded per line to whole öre/øre, as a notice prints it line by line.
  const vatMinor = lines.reduce((sum, l) => sum + Math.round((l.amountMinor * l.vatRate) / 100), 0);
  return { netMinor, vatMinor, grossMinor: netMinor + vatMinor };
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

export async function loadState(db: Db, landlordId: string, lease: repo.LeaseRow): Promise<LeaseState> {
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
    billingCadence: lease.billingCadence,
    rentLines: lines.map((l) => ({ kind: l.kind, description: l.description, amountMinor: l.amountMinor, vatRate: l.vatRate })),
    externalId: lease.externalId,
  };
}

/** What the history shows of a lease: the fields a user sees, parents by their names and numbers. */
export async function snapshot(db: Db, landlordId: string, leaseId: string) {
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
    billingCadence: detail.billingCadence,
    noticeDate: detail.noticeDate,
    rentLines: detail.rentLines.map(({ id: _, ...l }) => l),
    signedPdf: detail.signedPdf?.filename ?? null,
    externalId: detail.externalId,
  };
}

/**
 * `lease.created` (no `before`) or `lease.updated` naming the snapshot fields that changed, for
 * webhooks and the changes feed (issue 10). An update that changed nothing announces nothing.
 */
export async function emitLeaseEvent(
  tx: Db,
  landlordId: string,
  leaseId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  extra: string[] = [],
) {
  const changes = before ? [...Object.keys(after).filter((k) => !isDeepStrictEqual(before[k], after[k])), ...extra] : [];
  if (before && !changes.length) return;
  // Two small reads (not readDetail): imports write thousands of leases in one run.
  const found = await repo.findLease(tx, { landlordId, leaseId });
  if (!found) throw notFound('lease');
  const { lease } = found;
  const units = await repo.listLeaseUnits(tx, { landlordId, leaseIds: [leaseId] });
  const base = {
    leaseId,
    customerId: lease.customerId,
    unitIds: units.map((u) => u.id),
    status: lease.status,
    externalId: lease.externalId,
  };
  if (!before) await emitEvent(tx, landlordId, 'lease.created', base);
  else await emitEvent(tx, landlordId, 'lease.updated', { ...base, changes });
}

export async function readDetail(db: Db, landlordId: string, leaseId: string): Promise<LeaseDetail> {
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
    billingCadence: lease.billingCadence,
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

/**
 * Writes a lease's fields, units and rent lines after checking every rule on the whole record:
 * dates, VAT, the customer and units being the landlord's, and no running lease holding one of the
 * units on an overlapping day (the units are locked first, decision 9L2).
 */
export async function writeLease(
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
    billingCadence: state.billingCadence,
    externalId: state.externalId,
  };
  const row = await translateUnique(() =>
    existing ? repo.updateLease(tx, { landlordId, leaseId: existing.id }, values) : repo.insertLease(tx, { ...values, landlordId }),
  );
  if (!existing || changed.units) await repo.replaceLeaseUnits(tx, { landlordId, leaseId: row.id, unitIds });
  if (!existing || changed.rentLines) await repo.replaceRentLines(tx, { landlordId, leaseId: row.id, lines: state.rentLines });
  return row;
}

/** Units compared as a lease holds them: the main unit, then the others in any order. */
export const sameUnits = (a: string[], b: string[]) =>
  a[0] === b[0] && isDeepStrictEqual([...new Set(a.slice(1))].sort(), [...new Set(b.slice(1))].sort());

export const normaliseLines = (lines: LeaseCreate['rentLines']): repo.RentLineValues[] =>
  lines.map((l) => ({ kind: l.kind, description: l.description, amountMinor: l.amountMinor, vatRate: l.vatRate }));
