import { randomUUID } from 'node:crypto';
import { ALLOWED_UPLOAD_TYPES, type Attachment, MAX_UPLOAD_BYTES } from '@portico/shared/contracts/messaging';
import { BIDI_CONTROLS } from '@portico/shared/text';
import type { Actor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { notFound, tooLarge, unsupported } from '../../errors';
import { listMemberships } from '../auth/service';
import { staffFileReach } from './policy';
import * as repo from './repo';

export { listAttachments, releaseLeaseDocuments, releasePostImages } from './repo';

export const toAttachment = (a: { id: string; filename: string; contentType: string; size: number }): Attachment => ({
  id: a.id,
  filename: a.filename,
  contentType: a.contentType,
  size: a.size,
});

const uploaderOf = (actor: Actor): repo.Uploader => ({ kind: actor.kind, id: actor.id });

/**
 * Binds the actor's own uploads to what they wrote. Someone else's upload, one already used or an
 * unknown id fails the whole write (the caller's transaction rolls back).
 */
export async function claimAll(tx: DbOrTx, actor: Actor, ids: string[], target: repo.AttachTarget) {
  const unique = [...new Set(ids)];
  const bound = await repo.claimAttachments(tx, actor.landlordId, uploaderOf(actor), unique, target);
  if (bound !== unique.length) throw notFound('attachment');
}

/** Stores an upload after sniffing its bytes: the name and the browser's claimed type are not trusted. */
export async function upload(deps: Deps, actor: Actor, file: { filename: string; data: Buffer }): Promise<Attachment> {
  if (file.data.length > MAX_UPLOAD_BYTES) throw tooLarge('upload_too_large', { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 });
  // file-type (and its tokenizer packages) load on the first upload, not at start-up.
  const { fileTypeFromBuffer } = await import('file-type');
  const sniffed = await fileTypeFromBuffer(file.data);
  if (!sniffed || !(ALLOWED_UPLOAD_TYPES as readonly string[]).includes(sniffed.mime)) throw unsupported('upload_type_not_allowed');
  const id = randomUUID();
  await deps.storage.put(id, file.data);
  try {
    const row = await repo.insertAttachment(deps.db, {
      id,
      landlordId: actor.landlordId,
      uploaderKind: actor.kind,
      uploaderId: actor.id,
      filename: cleanFilename(file.filename, sniffed.ext),
      contentType: sniffed.mime,
      size: file.data.length,
      storageKey: id,
    });
    return toAttachment(row);
  } catch (err) {
    await deps.storage.remove(id);
    throw err;
  }
}

function cleanFilename(name: string, ext: string) {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}|"/gu, '')
    .replace(BIDI_CONTROLS, '')
    .trim()
    .slice(0, 200);
  return base || `attachment.${ext}`;
}

/** Staff open the files of what their role can read (files/policy.ts); tenants those of their customers. */
export async function openAttachment(deps: Deps, actor: Actor, attachmentId: string) {
  const attachment =
    actor.kind === 'tenant'
      ? await repo.findTenantAttachment(deps.db, {
          customerIds: (await listMemberships(deps.db, actor.id)).map((m) => m.customerId),
          uploader: uploaderOf(actor),
          attachmentId,
        })
      : await repo.findStaffAttachment(deps.db, {
          landlordId: actor.landlordId,
          uploader: uploaderOf(actor),
          ...staffFileReach(actor),
          attachmentId,
        });
  if (!attachment) throw notFound('attachment');
  return { attachment, stream: deps.storage.read(attachment.storageKey) };
}

/** Deletes uploads never attached to anything within a day, with their files. */
export async function sweepStaleUploads(deps: Deps) {
  const removed = await repo.deleteStaleUploads(deps.db, new Date(Date.now() - 24 * 3600 * 1000));
  await Promise.all(removed.map((r) => deps.storage.remove(r.storageKey)));
  return removed.length;
}

/** Images a property may show (what a browser displays; HEIC is not among them). */
export const PROPERTY_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

/** Binds the actor's own pending upload to a property as an image; anything but an image is refused. */
export async function claimPropertyImage(tx: DbOrTx, actor: Actor, attachmentId: string, propertyId: string) {
  const pending = await repo.findPendingUpload(tx, actor.landlordId, uploaderOf(actor), attachmentId);
  if (!pending) throw notFound('attachment');
  if (!(PROPERTY_IMAGE_TYPES as readonly string[]).includes(pending.contentType)) throw unsupported('image_type_not_allowed');
  await claimAll(tx, actor, [attachmentId], { propertyId });
  return toAttachment(pending);
}

/** POSTS: binds the actor's own pending upload to a post as its image; anything a browser cannot show is refused (415). */
export async function claimPostImage(tx: DbOrTx, actor: Actor, attachmentId: string, postId: string) {
  const pending = await repo.findPendingUpload(tx, actor.landlordId, uploaderOf(actor), attachmentId);
  if (!pending) throw notFound('attachment');
  if (!(PROPERTY_IMAGE_TYPES as readonly string[]).includes(pending.contentType)) throw unsupported('image_type_not_allowed');
  await claimAll(tx, actor, [attachmentId], { postId });
  return toAttachment(pending);
}

/** Removes a property's image row in the caller's transaction; the caller removes the file after commit. */
export async function deletePropertyImage(tx: DbOrTx, landlordId: string, propertyId: string, attachmentId: string) {
  const row = await repo.deletePropertyImage(tx, landlordId, propertyId, attachmentId);
  if (!row) throw notFound('attachment');
  return row;
}
