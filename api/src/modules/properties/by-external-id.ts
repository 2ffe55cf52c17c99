import type { BulkResult } from '@portico/shared/contracts/bulk';
import {
  type PropertyDetail,
  type PropertyPut,
  PropertyUpsertSchema,
  type Unit,
  type UnitPut,
  UnitUpsertSchema,
} from '@portico/shared/contracts/properties';
import type { Locale } from '@portico/shared/locale';
import type { StaffActor } from '../../actors';
import { runBulk } from '../../bulk';
import type { Deps } from '../../deps';
import { forbidden } from '../../errors';
import { canManageProperties } from './policy';
import { getProperty, upsertPropertyByExternalId } from './service';
import { getUnit, upsertUnitByExternalId } from './units';

/**
 * Integrators' writes by external id (issue 10, §2) over the import's upserts: fields left out stay
 * as stored (decision 9P6), 'unchanged' writes nothing, every change lands in the record history.
 */

/** `PUT /properties/by-external-id/{externalId}`: the record, and whether it was made now (201) or not (200). */
export async function putPropertyByExternalId(
  deps: Deps,
  actor: StaffActor,
  externalId: string,
  body: PropertyPut,
): Promise<{ created: boolean; record: PropertyDetail }> {
  const { id, outcome } = await upsertPropertyByExternalId(deps.db, actor, { ...body, externalId });
  return { created: outcome === 'created', record: await getProperty(deps, actor, id) };
}

/** `PUT /units/by-external-id/{externalId}`; the unit's property is named by `propertyExternalId`. */
export async function putUnitByExternalId(
  deps: Deps,
  actor: StaffActor,
  externalId: string,
  body: UnitPut,
): Promise<{ created: boolean; record: Unit }> {
  const { id, outcome } = await upsertUnitByExternalId(deps.db, actor, { ...body, externalId });
  return { created: outcome === 'created', record: await getUnit(deps, actor, id) };
}

type BulkContext = { locale: Locale; onUnexpected?: (err: unknown, index: number) => void };

export async function bulkUpsertProperties(deps: Deps, actor: StaffActor, items: unknown[], ctx: BulkContext): Promise<BulkResult> {
  if (!canManageProperties(actor)) throw forbidden();
  return runBulk(items, { schema: PropertyUpsertSchema, upsert: (input) => upsertPropertyByExternalId(deps.db, actor, input), ...ctx });
}

export async function bulkUpsertUnits(deps: Deps, actor: StaffActor, items: unknown[], ctx: BulkContext): Promise<BulkResult> {
  if (!canManageProperties(actor)) throw forbidden();
  return runBulk(items, { schema: UnitUpsertSchema, upsert: (input) => upsertUnitByExternalId(deps.db, actor, input), ...ctx });
}
