import {
  type Unit,
  type UnitCreate,
  type UnitListQuery,
  type UnitPage,
  type UnitPatch,
  type UnitUpsertInput,
  UnitUpsertSchema,
} from '@portico/shared/contracts/properties';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { recordChange } from '../history/service';
import { iso, num, type Outcome, requireProperty, write } from './common';
import { canManageProperties, canReadProperties } from './policy';
import * as repo from './repo';

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
