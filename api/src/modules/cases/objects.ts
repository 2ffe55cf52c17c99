import type { EquipmentObject, EquipmentObjectBody } from '@portico/shared/contracts/cases';
import type { Actor, StaffActor } from '../../actors';
import { uniqueViolation } from '../../db/pg-errors';
import type { Deps } from '../../deps';
import { conflict, forbidden, notFound } from '../../errors';
import * as properties from '../properties/service';
import { canDispatch } from './policy';
import * as repo from './repo';

const toObject = (o: Awaited<ReturnType<typeof repo.listObjects>>[number]): EquipmentObject => ({
  id: o.id,
  number: o.number,
  type: o.type,
  make: o.make,
  model: o.model,
  location: o.location,
  propertyId: o.propertyId,
  unitId: o.unitId,
});

export async function listObjects(deps: Deps, actor: Actor) {
  return (await repo.listObjects(deps.db, actor.landlordId, actor.kind === 'tenant' ? actor.customerId : undefined)).map(toObject);
}

/** An object may only stand in the landlord's own property or unit (the foreign keys would not know). */
async function assertPlaces(deps: Deps, actor: StaffActor, body: Partial<EquipmentObjectBody>) {
  if (body.propertyId && !(await properties.findProperty(deps.db, actor.landlordId, body.propertyId))) throw notFound('property');
  if (body.unitId && !(await properties.findUnit(deps.db, actor.landlordId, body.unitId))) throw notFound('unit');
}

export async function createObject(deps: Deps, actor: StaffActor, body: EquipmentObjectBody) {
  if (!canDispatch(actor)) throw forbidden();
  await assertPlaces(deps, actor, body);
  const row = await repo.insertObject(deps.db, { landlordId: actor.landlordId, ...body });
  if (!row) throw conflict('conflict');
  return toObject(row);
}

export async function updateObject(deps: Deps, actor: StaffActor, id: string, body: Partial<EquipmentObjectBody>) {
  if (!canDispatch(actor)) throw forbidden();
  await assertPlaces(deps, actor, body);
  try {
    const row = await repo.updateObject(deps.db, actor.landlordId, id, body);
    if (!row) throw notFound('object');
    return toObject(row);
  } catch (err) {
    if (uniqueViolation(err) !== null) throw conflict('conflict');
    throw err;
  }
}
