import {
  type PropertyCreate,
  type PropertyDetail,
  type PropertyListQuery,
  type PropertyPage,
  type PropertyPatch,
  type PropertySummary,
  type PropertyUpsertInput,
  PropertyUpsertSchema,
  type Unit,
  type UnitCreate,
  type UnitListQuery,
  type UnitPage,
  type UnitPatch,
  type UnitUpsertInput,
  UnitUpsertSchema,
} from '@portico/shared/contracts/properties';
import { normalizePostalCode } from '@portico/shared/formats/postal-code';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../errors';
import * as files from '../files/service';
import { recordChange } from '../history/service';
import { findLandlord } from '../settings/service';
import { canManageProperties, canReadProperties } from './policy';
import * as repo from './repo';

type StaffRef = { id: string; name: string; email: string };
export type Outcome = 'created' | 'updated' | 'unchanged';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const num = (v: string | null) => (v === null ? null : Number(v));

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
async function write<T>(db: DbOrTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (err) {
    if (err instanceof AppError) throw err;
    return uniqueConflict(err);
  }
}

async function landlordCountry(db: DbOrTx, landlordId: string) {
  const landlord = await findLandlord(db, landlordId);
  if (!landlord) throw notFound('landlord');
  return landlord.country;
}

// --- Properties -------------------------------------------------------------------------------

/** What a property's history shows and what an upsert compares: the fields a person sees. */
function propertyFields(row: repo.PropertyRow) {
  return {
    name: row.name,
    designation: row.designation,
    street: row.street,
    postalCode: row.postalCode,
    city: row.city,
    description: row.description,
    yearBuilt: row.yearBuilt,
    totalAreaM2: num(row.totalAreaM2),
    floors: row.floors,
    facts: row.facts,
    areaInfo: row.areaInfo,
    managerId: row.managerId,
    customerManagerId: row.customerManagerId,
    portalEnabled: row.portalEnabled,
    externalId: row.externalId,
  };
}

/** The history's version: staff named, not by id. */
async function propertyHistory(db: DbOrTx, landlordId: string, row: repo.PropertyRow) {
  const { managerId, customerManagerId, ...rest } = propertyFields(row);
  const staff = await repo.findStaff(
    db,
    landlordId,
    [managerId, customerManagerId].filter((x): x is string => !!x),
  );
  const name = (id: string | null) => (id ? (staff.find((s) => s.id === id)?.name ?? id) : null);
  return { ...rest, manager: name(managerId), customerManager: name(customerManagerId) };
}

/**
 * The given fields of a create, patch or upsert as column values: the postal code checked against
 * the landlord's country and stored in its usual form, staff contacts checked to be the landlord's.
 */
async function propertyValues(db: DbOrTx, landlordId: string, input: PropertyPatch): Promise<Partial<repo.PropertyInsert>> {
  const values: Partial<repo.PropertyInsert> = {};
  const { postalCode, totalAreaM2, managerId, customerManagerId, ...plain } = input;
  for (const [k, v] of Object.entries(plain)) if (v !== undefined) (values as Record<string, unknown>)[k] = v;
  if (postalCode !== undefined) {
    const normalized = normalizePostalCode(await landlordCountry(db, landlordId), postalCode);
    if (!normalized) throw badRequest('postal_code_invalid');
    values.postalCode = normalized;
  }
  if (totalAreaM2 !== undefined) values.totalAreaM2 = totalAreaM2 === null ? null : String(totalAreaM2);
  const staffIds = [managerId, customerManagerId].filter((x): x is string => !!x);
  const found = await repo.findStaff(db, landlordId, staffIds);
  if (found.length !== new Set(staffIds).size) throw notFound('user');
  if (managerId !== undefined) values.managerId = managerId;
  if (customerManagerId !== undefined) values.customerManagerId = customerManagerId;
  return values;
}

const CREATE_DEFAULTS = {
  designation: '',
  description: null,
  yearBuilt: null,
  totalAreaM2: null,
  floors: null,
  facts: [],
  areaInfo: null,
  managerId: null,
  customerManagerId: null,
  portalEnabled: false,
  externalId: null,
} satisfies Partial<repo.PropertyInsert>;

async function insertPropertyRecord(tx: DbOrTx, actor: StaffActor, values: Partial<repo.PropertyInsert>) {
  const row = await repo.insertProperty(tx, { ...CREATE_DEFAULTS, ...values, landlordId: actor.landlordId } as repo.PropertyInsert);
  await recordChange(tx, actor, {
    recordType: 'property',
    recordId: row.id,
    action: 'created',
    after: await propertyHistory(tx, actor.landlordId, row),
  });
  return row;
}

async function updatePropertyRecord(tx: DbOrTx, actor: StaffActor, before: repo.PropertyRow, values: Partial<repo.PropertyInsert>) {
  const after = await repo.updateProperty(tx, actor.landlordId, before.id, values);
  await recordChange(tx, actor, {
    recordType: 'property',
    recordId: after.id,
    action: 'updated',
    before: await propertyHistory(tx, actor.landlordId, before),
    after: await propertyHistory(tx, actor.landlordId, after),
  });
  return after;
}

function toSummary(row: repo.PropertyRow, manager: StaffRef | null, unitCount: number): PropertySummary {
  return {
    id: row.id,
    name: row.name,
    designation: row.designation,
    street: row.street,
    postalCode: row.postalCode,
    city: row.city,
    manager,
    portalEnabled: row.portalEnabled,
    unitCount,
    archivedAt: iso(row.archivedAt),
  };
}

async function toDetail(db: DbOrTx, landlordId: string, row: repo.PropertyRow): Promise<PropertyDetail> {
  const [staff, counts, images] = await Promise.all([
    repo.findStaff(
      db,
      landlordId,
      [row.managerId, row.customerManagerId].filter((x): x is string => !!x),
    ),
    repo.countLiveUnits(db, landlordId, [row.id]),
    files.listAttachments(db, landlordId, 'propertyId', [row.id]),
  ]);
  const ref = (id: string | null) => staff.find((s) => s.id === id) ?? null;
  return {
    ...toSummary(row, ref(row.managerId), counts.get(row.id) ?? 0),
    description: row.description,
    yearBuilt: row.yearBuilt,
    totalAreaM2: num(row.totalAreaM2),
    floors: row.floors,
    facts: row.facts,
    areaInfo: row.areaInfo,
    customerManager: ref(row.customerManagerId),
    externalId: row.externalId,
    images: images.map(files.toAttachment),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function requireProperty(db: DbOrTx, landlordId: string, propertyId: string, lock = false) {
  const row = lock ? await repo.lockProperty(db, landlordId, propertyId) : await repo.findProperty(db, landlordId, propertyId);
  if (!row) throw notFound('property');
  return row;
}

export async function listProperties(deps: Deps, actor: StaffActor, query: PropertyListQuery): Promise<PropertyPage> {
  if (!canReadProperties(actor)) throw forbidden();
  const page = await repo.listProperties(deps.db, { landlordId: actor.landlordId, ...query });
  const counts = await repo.countLiveUnits(
    deps.db,
    actor.landlordId,
    page.items.map((p) => p.id),
  );
  return { ...page, items: page.items.map((p) => toSummary(p, p.manager, counts.get(p.id) ?? 0)) };
}

export async function getProperty(deps: Deps, actor: StaffActor, propertyId: string): Promise<PropertyDetail> {
  if (!canReadProperties(actor)) throw forbidden();
  return toDetail(deps.db, actor.landlordId, await requireProperty(deps.db, actor.landlordId, propertyId));
}

export async function createProperty(deps: Deps, actor: StaffActor, body: PropertyCreate): Promise<PropertyDetail> {
  if (!canManageProperties(actor)) throw forbidden();
  const row = await write(deps.db, async (tx) => insertPropertyRecord(tx, actor, await propertyValues(tx, actor.landlordId, body)));
  return toDetail(deps.db, actor.landlordId, row);
}

export async function updateProperty(deps: Deps, actor: StaffActor, propertyId: string, body: PropertyPatch): Promise<PropertyDetail> {
  if (!canManageProperties(actor)) throw forbidden();
  const row = await write(deps.db, async (tx) => {
    const before = await requireProperty(tx, actor.landlordId, propertyId, true);
    return updatePropertyRecord(tx, actor, before, await propertyValues(tx, actor.landlordId, body));
  });
  return toDetail(deps.db, actor.landlordId, row);
}

/**
 * A property is archived only once its units are (409 `property_has_units`), rather than archiving
 * them with it: a unit on a running lease must never be archived on the side (decision 9P2).
 */
export async function archiveProperty(deps: Deps, actor: StaffActor, propertyId: string): Promise<PropertyDetail> {
  if (!canManageProperties(actor)) throw forbidden();
  const row = await write(deps.db, async (tx) => {
    const before = await requireProperty(tx, actor.landlordId, propertyId, true);
    if (before.archivedAt) return before;
    if (await repo.propertyHasLiveUnits(tx, actor.landlordId, propertyId)) throw conflict('property_has_units');
    const after = await repo.updateProperty(tx, actor.landlordId, propertyId, { archivedAt: new Date() });
    await recordChange(tx, actor, { recordType: 'property', recordId: propertyId, action: 'archived' });
    return after;
  });
  return toDetail(deps.db, actor.landlordId, row);
}

export async function restoreProperty(deps: Deps, actor: StaffActor, propertyId: string): Promise<PropertyDetail> {
  if (!canManageProperties(actor)) throw forbidden();
  const row = await write(deps.db, async (tx) => {
    const before = await requireProperty(tx, actor.landlordId, propertyId, true);
    if (!before.archivedAt) return before;
    const after = await repo.updateProperty(tx, actor.landlordId, propertyId, { archivedAt: null });
    await recordChange(tx, actor, { recordType: 'property', recordId: propertyId, action: 'restored' });
    return after;
  });
  return toDetail(deps.db, actor.landlordId, row);
}

const imageNames = async (db: DbOrTx, landlordId: string, propertyId: string) =>
  (await files.listAttachments(db, landlordId, 'propertyId', [propertyId])).map((a) => a.filename);

/** Adds the actor's own upload (sniffed as an image) to the property's images. */
export async function addPropertyImage(deps: Deps, actor: StaffActor, propertyId: string, attachmentId: string): Promise<PropertyDetail> {
  if (!canManageProperties(actor)) throw forbidden();
  const row = await write(deps.db, async (tx) => {
    const property = await requireProperty(tx, actor.landlordId, propertyId, true);
    const before = await imageNames(tx, actor.landlordId, propertyId);
    await files.claimPropertyImage(tx, actor, attachmentId, propertyId);
    const after = await imageNames(tx, actor.landlordId, propertyId);
    await recordChange(tx, actor, {
      recordType: 'property',
      recordId: propertyId,
      action: 'updated',
      before: { images: before },
      after: { images: after },
    });
    return property;
  });
  return toDetail(deps.db, actor.landlordId, row);
}

export async function removePropertyImage(
  deps: Deps,
  actor: StaffActor,
  propertyId: string,
  attachmentId: string,
): Promise<PropertyDetail> {
  if (!canManageProperties(actor)) throw forbidden();
  const { property, storageKey } = await write(deps.db, async (tx) => {
    const property = await requireProperty(tx, actor.landlordId, propertyId, true);
    const before = await imageNames(tx, actor.landlordId, propertyId);
    const removed = await files.deletePropertyImage(tx, actor.landlordId, propertyId, attachmentId);
    const after = await imageNames(tx, actor.landlordId, propertyId);
    await recordChange(tx, actor, {
      recordType: 'property',
      recordId: propertyId,
      action: 'updated',
      before: { images: before },
      after: { images: after },
    });
    return { property, storageKey: removed.storageKey };
  });
  // The file goes once the row is gone for good; a failure here leaves an orphan file, never a dangling row.
  await deps.storage.remove(storageKey).catch(() => undefined);
  return toDetail(deps.db, actor.landlordId, property);
}

/**
 * The import's and integrators' write (issue 9 §3): matched on `externalId` in the caller's
 * transaction (a savepoint inside it), validated like a create; fields left out stay as they are;
 * 'unchanged' writes nothing when every given field already holds the value.
 */
export async function upsertPropertyByExternalId(
  db: DbOrTx,
  actor: StaffActor,
  input: PropertyUpsertInput,
): Promise<{ id: string; outcome: Outcome }> {
  if (!canManageProperties(actor)) throw forbidden();
  const parsed = PropertyUpsertSchema.safeParse(input);
  if (!parsed.success) throw badRequest('validation_failed');
  return write(db, async (tx) => {
    const values = await propertyValues(tx, actor.landlordId, parsed.data);
    const existing = await repo.findPropertyByExternalId(tx, actor.landlordId, parsed.data.externalId);
    if (!existing) return { id: (await insertPropertyRecord(tx, actor, values)).id, outcome: 'created' as const };
    const current = propertyFields(existing) as Record<string, unknown>;
    const wanted = propertyFields({ ...existing, ...values } as repo.PropertyRow) as Record<string, unknown>;
    if (JSON.stringify(current) === JSON.stringify(wanted)) return { id: existing.id, outcome: 'unchanged' as const };
    await updatePropertyRecord(tx, actor, existing, values);
    return { id: existing.id, outcome: 'updated' as const };
  });
}

// --- Units ------------------------------------------------------------------------------------

type UnitWithProperty = { unit: repo.UnitRow; property: { id: string; name: string } };

function unitFields(row: repo.UnitRow, propertyName: string) {
  return {
    number: row.number,
    type: row.type,
    address: row.address,
    areaM2: num(row.areaM2),
    floor: row.floor,
    property: propertyName,
    externalId: row.externalId,
  };
}

function toUnit({ unit, property }: UnitWithProperty): Unit {
  return {
    id: unit.id,
    property: { id: property.id, name: property.name },
    number: unit.number,
    type: unit.type,
    address: unit.address,
    areaM2: num(unit.areaM2),
    floor: unit.floor,
    externalId: unit.externalId,
    archivedAt: iso(unit.archivedAt),
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}

function unitValues(input: UnitPatch): Partial<repo.UnitInsert> {
  const { areaM2, ...plain } = input;
  const values: Partial<repo.UnitInsert> = {};
  for (const [k, v] of Object.entries(plain)) if (v !== undefined) (values as Record<string, unknown>)[k] = v;
  if (areaM2 !== undefined) values.areaM2 = areaM2 === null ? null : String(areaM2);
  return values;
}

/** The property a unit goes into, locked against a concurrent archive; it must be live. */
async function liveProperty(tx: DbOrTx, landlordId: string, propertyId: string) {
  const property = await requireProperty(tx, landlordId, propertyId, true);
  if (property.archivedAt) throw conflict('property_archived');
  return property;
}

async function requireUnit(db: DbOrTx, landlordId: string, unitId: string) {
  const row = await repo.findUnit(db, landlordId, unitId);
  if (!row) throw notFound('unit');
  return row;
}

async function insertUnitRecord(tx: DbOrTx, actor: StaffActor, property: repo.PropertyRow, values: Partial<repo.UnitInsert>) {
  const unit = await repo.insertUnit(tx, {
    areaM2: null,
    floor: null,
    externalId: null,
    ...values,
    landlordId: actor.landlordId,
    propertyId: property.id,
  } as repo.UnitInsert);
  await recordChange(tx, actor, { recordType: 'unit', recordId: unit.id, action: 'created', after: unitFields(unit, property.name) });
  return { unit, property };
}

async function updateUnitRecord(tx: DbOrTx, actor: StaffActor, before: UnitWithProperty, values: Partial<repo.UnitInsert>) {
  let property = before.property;
  if (values.propertyId && values.propertyId !== before.unit.propertyId)
    property = await liveProperty(tx, actor.landlordId, values.propertyId);
  const unit = await repo.updateUnit(tx, actor.landlordId, before.unit.id, values);
  await recordChange(tx, actor, {
    recordType: 'unit',
    recordId: unit.id,
    action: 'updated',
    before: unitFields(before.unit, before.property.name),
    after: unitFields(unit, property.name),
  });
  return { unit, property };
}

export async function listUnits(deps: Deps, actor: StaffActor, query: UnitListQuery): Promise<UnitPage> {
  if (!canReadProperties(actor)) throw forbidden();
  const page = await repo.listUnits(deps.db, { landlordId: actor.landlordId, ...query });
  return { ...page, items: page.items.map(toUnit) };
}

export async function getUnit(deps: Deps, actor: StaffActor, unitId: string): Promise<Unit> {
  if (!canReadProperties(actor)) throw forbidden();
  return toUnit(await requireUnit(deps.db, actor.landlordId, unitId));
}

export async function createUnit(deps: Deps, actor: StaffActor, body: UnitCreate): Promise<Unit> {
  if (!canManageProperties(actor)) throw forbidden();
  return toUnit(
    await write(deps.db, async (tx) =>
      insertUnitRecord(tx, actor, await liveProperty(tx, actor.landlordId, body.propertyId), unitValues(body)),
    ),
  );
}

export async function updateUnit(deps: Deps, actor: StaffActor, unitId: string, body: UnitPatch): Promise<Unit> {
  if (!canManageProperties(actor)) throw forbidden();
  return toUnit(
    await write(deps.db, async (tx) => updateUnitRecord(tx, actor, await requireUnit(tx, actor.landlordId, unitId), unitValues(body))),
  );
}

/** A unit let on a running lease stays (409 `unit_has_active_leases`); see repo.unitHasRunningLeases. */
export async function archiveUnit(deps: Deps, actor: StaffActor, unitId: string): Promise<Unit> {
  if (!canManageProperties(actor)) throw forbidden();
  return toUnit(
    await write(deps.db, async (tx) => {
      const before = await requireUnit(tx, actor.landlordId, unitId);
      if (before.unit.archivedAt) return before;
      if (await repo.unitHasRunningLeases(tx, actor.landlordId, unitId)) throw conflict('unit_has_active_leases');
      const unit = await repo.updateUnit(tx, actor.landlordId, unitId, { archivedAt: new Date() });
      await recordChange(tx, actor, { recordType: 'unit', recordId: unitId, action: 'archived' });
      return { unit, property: before.property };
    }),
  );
}

export async function restoreUnit(deps: Deps, actor: StaffActor, unitId: string): Promise<Unit> {
  if (!canManageProperties(actor)) throw forbidden();
  return toUnit(
    await write(deps.db, async (tx) => {
      const before = await requireUnit(tx, actor.landlordId, unitId);
      if (!before.unit.archivedAt) return before;
      await liveProperty(tx, actor.landlordId, before.unit.propertyId);
      const unit = await repo.updateUnit(tx, actor.landlordId, unitId, { archivedAt: null });
      await recordChange(tx, actor, { recordType: 'unit', recordId: unitId, action: 'restored' });
      return { unit, property: before.property };
    }),
  );
}

/** Like upsertPropertyByExternalId; the unit's property is named by its external id (404 `property` when unknown). */
export async function upsertUnitByExternalId(
  db: DbOrTx,
  actor: StaffActor,
  input: UnitUpsertInput,
): Promise<{ id: string; outcome: Outcome }> {
  if (!canManageProperties(actor)) throw forbidden();
  const parsed = UnitUpsertSchema.safeParse(input);
  if (!parsed.success) throw badRequest('validation_failed');
  const { propertyExternalId, ...fields } = parsed.data;
  return write(db, async (tx) => {
    const ref = await repo.findPropertyByExternalId(tx, actor.landlordId, propertyExternalId);
    if (!ref) throw notFound('property');
    const values = { ...unitValues(fields), propertyId: ref.id };
    const existing = await repo.findUnitByExternalId(tx, actor.landlordId, fields.externalId);
    if (!existing) {
      const property = await liveProperty(tx, actor.landlordId, ref.id);
      return { id: (await insertUnitRecord(tx, actor, property, values)).unit.id, outcome: 'created' as const };
    }
    const current = { ...unitFields(existing, ''), propertyId: existing.propertyId };
    const merged = { ...existing, ...values } as repo.UnitRow;
    const wanted = { ...unitFields(merged, ''), propertyId: merged.propertyId };
    if (JSON.stringify(current) === JSON.stringify(wanted)) return { id: existing.id, outcome: 'unchanged' as const };
    const before = await requireUnit(tx, actor.landlordId, existing.id);
    await updateUnitRecord(tx, actor, before, values);
    return { id: existing.id, outcome: 'updated' as const };
  });
}
