import type {
  PortalPropertyContact,
  PortalPropertyDetail,
  PortalPropertyList,
  PropertyTeam,
  PropertyTeamPut,
} from '@portico/shared/contracts/documents';
import type { StaffActor, TenantActor } from '../../actors';
import type { Deps } from '../../deps';
import { forbidden, notFound } from '../../errors';
import { listMemberships } from '../auth/service';
import { listAttachments } from '../files/service';
import { requireProperty, write } from './common';
import { canManageProperties, canReadProperties } from './policy';
import * as portalRepo from './portal-repo';

/**
 * The property page (issue 12 §4, seed 002: "om fastigheten"): every role of a customer sees the
 * properties the customer rents in (customerPropertyIds), and nothing else (404).
 */

const viewerOf = (actor: TenantActor): portalRepo.PropertyViewer => ({ landlordId: actor.landlordId, customerId: actor.customerId });
const num = (v: string | null) => (v === null ? null : Number(v));

export async function listPortalProperties(deps: Deps, actor: TenantActor): Promise<PortalPropertyList> {
  return { items: await portalRepo.listPortalProperties(deps.db, viewerOf(actor)) };
}

async function requirePortalProperty(deps: Deps, actor: TenantActor, propertyId: string) {
  const row = await portalRepo.findPortalProperty(deps.db, viewerOf(actor), propertyId);
  if (!row) throw notFound('property');
  return row;
}

export async function getPortalProperty(deps: Deps, actor: TenantActor, propertyId: string): Promise<PortalPropertyDetail> {
  const row = await requirePortalProperty(deps, actor, propertyId);
  const landlordId = actor.landlordId;
  const managerIds = [row.customerManagerId, row.managerId].filter((x): x is string => !!x);
  const [managers, team, images] = await Promise.all([
    portalRepo.findStaffContacts(deps.db, landlordId, managerIds),
    portalRepo.listTeam(deps.db, { landlordId, propertyId, activeOnly: true }),
    listAttachments(deps.db, landlordId, 'propertyId', [propertyId]),
  ]);
  const contacts: PortalPropertyContact[] = [];
  const add = (c: PortalPropertyContact) => {
    // One person once, under their first role; a team title names what they do here.
    const listed = contacts.find((x) => x.staffUserId === c.staffUserId);
    if (listed) {
      if (!listed.title) listed.title = c.title;
      return;
    }
    contacts.push(c);
  };
  for (const [id, role] of [
    [row.customerManagerId, 'customer_manager'],
    [row.managerId, 'property_manager'],
  ] as const) {
    const m = managers.find((s) => s.id === id);
    if (m) add({ staffUserId: m.id, role, name: m.name, title: '', email: m.email, phone: m.phone });
  }
  for (const m of team) add({ staffUserId: m.staffUserId, role: 'team', name: m.name, title: m.title, email: m.email, phone: m.phone });
  return {
    id: row.id,
    name: row.name,
    street: row.street,
    postalCode: row.postalCode,
    city: row.city,
    description: row.description,
    yearBuilt: row.yearBuilt,
    totalAreaM2: num(row.totalAreaM2),
    floors: row.floors,
    facts: row.facts,
    areaInfo: row.areaInfo,
    images: images.map((a) => ({ id: a.id, filename: a.filename })),
    contacts,
  };
}

/**
 * One of the property's images, for a tenant of it. An `<img>` carries no customer header, so the
 * property is looked for among every customer the person belongs to (as the lease PDF's link is).
 */
export async function openPortalPropertyImage(deps: Deps, actor: TenantActor, propertyId: string, attachmentId: string) {
  for (const m of await listMemberships(deps.db, actor.id)) {
    const viewer = { landlordId: m.landlord.id, customerId: m.customerId };
    if (!(await portalRepo.findPortalProperty(deps.db, viewer, propertyId))) continue;
    const image = await portalRepo.findPropertyImage(deps.db, { landlordId: viewer.landlordId, propertyId, attachmentId });
    if (!image) break;
    return { image, stream: deps.storage.read(image.storageKey) };
  }
  throw notFound('attachment');
}

/** Demo data (documents/demo.ts): staff phones, until the console's staff form edits them. */
export const setStaffPhone = portalRepo.setStaffPhone;

// --- The team, staff side (area `properties`) -----------------------------------------------------

async function teamOf(deps: Deps, landlordId: string, propertyId: string): Promise<PropertyTeam> {
  return { items: await portalRepo.listTeam(deps.db, { landlordId, propertyId, activeOnly: false }) };
}

export async function getTeam(deps: Deps, actor: StaffActor, propertyId: string): Promise<PropertyTeam> {
  if (!canReadProperties(actor)) throw forbidden();
  await requireProperty(deps.db, actor.landlordId, propertyId);
  return teamOf(deps, actor.landlordId, propertyId);
}

/** Replaces the team; every member must be the landlord's own staff (another landlord's id: 404 `user`). */
export async function putTeam(deps: Deps, actor: StaffActor, propertyId: string, members: PropertyTeamPut): Promise<PropertyTeam> {
  if (!canManageProperties(actor)) throw forbidden();
  await write(deps.db, async (tx) => {
    await requireProperty(tx, actor.landlordId, propertyId, true);
    const ids = members.map((m) => m.staffUserId);
    if ((await portalRepo.countStaff(tx, actor.landlordId, ids)) !== ids.length) throw notFound('user');
    await portalRepo.replaceTeam(tx, { landlordId: actor.landlordId, propertyId, members });
  });
  return teamOf(deps, actor.landlordId, propertyId);
}
