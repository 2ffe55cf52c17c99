import {
  type PropertyCreate,
  type PropertyDetail,
  type PropertyListQuery,
  type PropertyPage,
  type PropertyPatch,
  type PropertySummary,
  type PropertyUpsertInput,
  PropertyUpsertSchema,
} from '@portico/shared/contracts/properties';
import { normalizePostalCode } from '@portico/shared/formats/postal-code';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import * as files from '../files/service';
import { recordChange } from '../history/service';
import { findLandlord } from '../settings/service';
import { iso, num, type Outcome, requireProperty, write } from './common';
import { canManageProperties, canReadProperties } from './policy';
import * as repo from './repo';

export type { Outcome } from './common';
/** Other modules (cases: routing, objects, related cases) look properties and units up here. */
export { findProperty, findUnit } from './repo';
export { createUnit, upsertUnitByExternalId } from './units';

type StaffRef = { id: string; name: string; email: string };

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

export async function toDetail(db: DbOrTx, landlordId: string, row: repo.PropertyRow): Promise<PropertyDetail> {
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
