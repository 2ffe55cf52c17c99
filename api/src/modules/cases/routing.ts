import { CASE_TYPES, type CaseRouting } from '@portico/shared/contracts/cases';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { forbidden, notFound } from '../../errors';
import * as properties from '../properties/service';
import * as repo from './repo';

/** Seed 001: "Ärendet styrs sedan till din kund- eller fastighetsansvarig" — a type rule, else the property's manager. */
export async function routeAssignee(tx: DbOrTx, landlordId: string, type: repo.CaseRow['type'], propertyId: string) {
  const id =
    (await repo.routingRule(tx, landlordId, type)) ?? (await properties.findProperty(tx, landlordId, propertyId))?.managerId ?? null;
  // A deactivated colleague gets no new cases: the case waits unassigned in the queue (decision 9T2).
  return id && (await repo.findAssignableStaff(tx, landlordId, id)) ? id : null;
}

export const listStaff = (deps: Deps, actor: StaffActor) => repo.listStaff(deps.db, actor.landlordId);

export async function getRouting(deps: Deps, actor: StaffActor): Promise<CaseRouting> {
  const rules = await repo.listRoutingRules(deps.db, actor.landlordId);
  return {
    rules: CASE_TYPES.map((caseType) => ({ caseType, assigneeId: rules.find((r) => r.caseType === caseType)?.assigneeId ?? null })),
  };
}

/** Organisation settings are the administrator's; an assignee must be one of the landlord's staff. */
export async function setRouting(deps: Deps, actor: StaffActor, body: CaseRouting): Promise<CaseRouting> {
  if (actor.role !== 'admin') throw forbidden();
  await deps.db.transaction(async (tx) => {
    for (const rule of body.rules) {
      if (rule.assigneeId && !(await repo.findAssignableStaff(tx, actor.landlordId, rule.assigneeId))) throw notFound('user');
      await repo.setRoutingRule(tx, actor.landlordId, rule.caseType, rule.assigneeId);
    }
  });
  return getRouting(deps, actor);
}
export const listProperties = (deps: Deps, actor: StaffActor) => repo.listProperties(deps.db, actor.landlordId);
