import type { PropertyDetail } from '@portico/shared/contracts/properties';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { forbidden } from '../../errors';
import * as files from '../files/service';
import { recordChange } from '../history/service';
import { requireProperty, write } from './common';
import { canManageProperties } from './policy';
import { toDetail } from './service';

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
