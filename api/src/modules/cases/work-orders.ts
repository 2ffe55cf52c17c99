import type { WorkOrder, WorkOrderBody } from '@portico/shared/contracts/cases';
import type { StaffActor } from '../../actors';
import type { Deps } from '../../deps';
import { badRequest, conflict, notFound } from '../../errors';
import { claimAll, listAttachments } from '../files/service';
import { findLandlord } from '../settings/service';
import { CURRENCY, lock } from './common';
import * as repo from './repo';
import { getCase } from './service';

export async function addWorkOrder(deps: Deps, actor: StaffActor, caseId: string, body: WorkOrderBody): Promise<WorkOrder> {
  const id = await deps.db.transaction(async (tx) => {
    const row = await lock(tx, actor, caseId);
    const landlord = await findLandlord(tx, actor.landlordId);
    const order = await repo.insertWorkOrder(tx, {
      landlordId: actor.landlordId,
      caseId: row.id,
      description: body.description,
      performedAt: new Date(body.performedAt),
      performedById: actor.id,
      performedByName: actor.name,
      minutes: body.minutes,
      materialCostMinor: body.materialCostMinor,
      currency: CURRENCY[landlord!.country],
    });
    await claimAll(tx, actor, body.attachmentIds, { workOrderId: order.id });
    await repo.updateCase(tx, actor.landlordId, row.id, { firstResponseAt: row.firstResponseAt ?? new Date() });
    return order.id;
  });
  return (await getCase(deps, actor, caseId)).workOrders.find((w) => w.id === id)!;
}

/** Seed 003 "påskriven följesedel": a drawing made on screen, or an uploaded signed file. Signed once. */
export async function signWorkOrder(
  deps: Deps,
  actor: StaffActor,
  caseId: string,
  workOrderId: string,
  body: { signedBy: string; attachmentId: string; kind: 'drawn' | 'file' },
): Promise<WorkOrder> {
  await deps.db.transaction(async (tx) => {
    await lock(tx, actor, caseId);
    const order = await repo.lockWorkOrder(tx, actor.landlordId, caseId, workOrderId);
    if (!order) throw notFound('work_order');
    if (order.signedAt) throw conflict('conflict');
    await claimAll(tx, actor, [body.attachmentId], { workOrderId });
    if (body.kind === 'drawn') {
      const [file] = (await listAttachments(tx, actor.landlordId, 'workOrderId', [workOrderId])).filter((f) => f.id === body.attachmentId);
      if (file?.contentType !== 'image/png') throw badRequest('upload_type_not_allowed');
    }
    await repo.signWorkOrder(
      tx,
      { landlordId: actor.landlordId, workOrderId },
      {
        signedBy: body.signedBy,
        signatureKind: body.kind,
        signatureAttachmentId: body.attachmentId,
      },
    );
  });
  return (await getCase(deps, actor, caseId)).workOrders.find((w) => w.id === workOrderId)!;
}
