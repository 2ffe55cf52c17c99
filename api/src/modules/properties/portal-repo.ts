import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { propertyTeam } from '../../db/schema/content';
import { attachments } from '../../db/schema/messaging';
import { properties } from '../../db/schema/properties';
import { staffUsers } from '../../db/schema/staff';
import { customerPropertyIds } from '../../db/tenant-properties';

/** Whose properties a portal request reads: the customer the person acts for, at its landlord. */
export type PropertyViewer = { landlordId: string; customerId: string };

const seenBy = (v: PropertyViewer) =>
  and(
    eq(properties.landlordId, v.landlordId),
    isNull(properties.archivedAt),
    sql`${properties.id} in ${customerPropertyIds(v.landlordId, [v.customerId])}`,
  );

/** The properties the customer rents in (usually one), by name. */
export async function listPortalProperties(db: DbOrTx, viewer: PropertyViewer) {
  return db
    .select({
      id: properties.id,
      name: properties.name,
      street: properties.street,
      postalCode: properties.postalCode,
      city: properties.city,
    })
    .from(properties)
    .where(seenBy(viewer))
    .orderBy(asc(properties.name), asc(properties.id));
}

export async function findPortalProperty(db: DbOrTx, viewer: PropertyViewer, propertyId: string) {
  const [row] = await db
    .select()
    .from(properties)
    .where(and(seenBy(viewer), eq(properties.id, propertyId)));
  return row;
}

/** Staff of the landlord by id, with what tenants may reach them by. */
export async function findStaffContacts(db: DbOrTx, landlordId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, phone: staffUsers.phone })
    .from(staffUsers)
    .where(and(eq(staffUsers.landlordId, landlordId), inArray(staffUsers.id, ids), isNull(staffUsers.deactivatedAt)));
}

/** A property's team in display order, with each person's contact details; deactivated staff left out. */
export async function listTeam(db: DbOrTx, p: { landlordId: string; propertyId: string; activeOnly: boolean }) {
  return db
    .select({
      staffUserId: propertyTeam.staffUserId,
      title: propertyTeam.title,
      name: staffUsers.name,
      email: staffUsers.email,
      phone: staffUsers.phone,
    })
    .from(propertyTeam)
    .innerJoin(staffUsers, and(eq(staffUsers.landlordId, propertyTeam.landlordId), eq(staffUsers.id, propertyTeam.staffUserId)))
    .where(
      and(
        eq(propertyTeam.landlordId, p.landlordId),
        eq(propertyTeam.propertyId, p.propertyId),
        p.activeOnly ? isNull(staffUsers.deactivatedAt) : undefined,
      ),
    )
    .orderBy(asc(propertyTeam.position), asc(staffUsers.name));
}

/** Replaces a property's team (the caller's transaction). */
export async function replaceTeam(
  db: DbOrTx,
  p: { landlordId: string; propertyId: string; members: { staffUserId: string; title: string }[] },
) {
  await db.delete(propertyTeam).where(and(eq(propertyTeam.landlordId, p.landlordId), eq(propertyTeam.propertyId, p.propertyId)));
  if (!p.members.length) return;
  await db.insert(propertyTeam).values(
    p.members.map((m, position) => ({
      landlordId: p.landlordId,
      propertyId: p.propertyId,
      staffUserId: m.staffUserId,
      title: m.title,
      position,
    })),
  );
}

/** The landlord's staff among `ids` (the team's members must be the landlord's own). */
export async function countStaff(db: DbOrTx, landlordId: string, ids: string[]) {
  if (!ids.length) return 0;
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.landlordId, landlordId), inArray(staffUsers.id, ids)));
  return rows.length;
}

/** One image of a property (an attachment claimed by it). */
export async function findPropertyImage(db: DbOrTx, p: { landlordId: string; propertyId: string; attachmentId: string }) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.landlordId, p.landlordId), eq(attachments.propertyId, p.propertyId), eq(attachments.id, p.attachmentId)));
  return row;
}

/** A staff member's phone as tenants see it on the property page (the demo data sets it; null clears it). */
export async function setStaffPhone(db: DbOrTx, p: { landlordId: string; staffUserId: string; phone: string | null }) {
  await db
    .update(staffUsers)
    .set({ phone: p.phone })
    .where(and(eq(staffUsers.landlordId, p.landlordId), eq(staffUsers.id, p.staffUserId)));
}
