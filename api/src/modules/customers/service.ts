import type { Contact, CustomerDetail, CustomerSummary } from '@portico/shared/contracts/customers';
import type { CursorQuery } from '@portico/shared/pagination';
import { addDays } from 'date-fns';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { INVITATION_TTL_DAYS, listLeaseRefs, portalOpenForCustomer } from '../auth/service';
import { hashToken, newToken } from '../auth/tokens';
import { queueEmail } from '../outbox/service';
import { findLandlord } from '../settings/service';
import { canReadCustomers } from './policy';
import * as repo from './repo';

export type ContactRow = Awaited<ReturnType<typeof repo.listContacts>>[number];

export const listContacts = repo.listContacts;

export async function requireCustomer(db: DbOrTx, landlordId: string, customerId: string) {
  const customer = await repo.findCustomer(db, landlordId, customerId);
  if (!customer) throw notFound('customer');
  return customer;
}

export async function requireLease(db: DbOrTx, landlordId: string, customerId: string, leaseId: string) {
  const lease = await repo.findLease(db, landlordId, customerId, leaseId);
  if (!lease) throw notFound('lease');
  return lease;
}

function toContact(c: ContactRow): Contact {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    portalState: c.portalUserId ? 'registered' : c.invited ? 'invited' : 'none',
  };
}

const leaseRefs = async (db: DbOrTx, ids: string[]) => (ids.length ? listLeaseRefs(db, ids) : []);

export async function listCustomers(deps: Deps, actor: StaffActor, query: CursorQuery & { q?: string | undefined }) {
  if (!canReadCustomers(actor)) throw forbidden();
  const { items, ...page } = await repo.listCustomers(deps.db, actor.landlordId, query.q, query);
  const refs = await leaseRefs(
    deps.db,
    items.map((c) => c.id),
  );
  const summaries: CustomerSummary[] = items.map((c) => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    email: c.email,
    leases: refs.filter((l) => l.customerId === c.id).map(({ customerId: _, ...l }) => l),
  }));
  return { ...page, items: summaries };
}

export async function getCustomer(deps: Deps, actor: StaffActor, customerId: string): Promise<CustomerDetail> {
  if (!canReadCustomers(actor)) throw forbidden();
  const customer = await requireCustomer(deps.db, actor.landlordId, customerId);
  const [refs, contacts] = await Promise.all([
    leaseRefs(deps.db, [customer.id]),
    repo.listContacts(deps.db, actor.landlordId, customer.id),
  ]);
  return {
    id: customer.id,
    kind: customer.kind,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    leases: refs.map(({ customerId: _, ...l }) => l),
    contacts: contacts.map(toContact),
  };
}

/**
 * Creates a personal, single-use, 7-day invitation link; the caller sends it in its own e-mail.
 * For a contact person on record pass `contactId`; an invitation made in the portal names a role.
 */
export async function createInvitation(
  tx: DbOrTx,
  deps: Deps,
  landlordId: string,
  customerId: string,
  invitee: { contactId: string | null; email: string; name?: string; role?: 'main_admin' | 'admin' | 'user' },
  threadId: string | null,
) {
  const token = newToken();
  const expiresAt = addDays(new Date(), INVITATION_TTL_DAYS);
  const [row] = await repo.insertInvitation(tx, {
    landlordId,
    customerId,
    contactId: invitee.contactId,
    email: invitee.email,
    name: invitee.name ?? null,
    role: invitee.role ?? null,
    tokenHash: hashToken(token),
    threadId,
    expiresAt,
  });
  return { id: row!.id, link: `${deps.config.tenantWebUrl}/invitation/${token}`, expiresAt };
}

/** Seed 000: "Inviter beboer" — staff invite a contact person by hand. */
export async function inviteContact(deps: Deps, actor: StaffActor, customerId: string, contactId: string) {
  if (!canReadCustomers(actor)) throw forbidden();
  const landlord = await findLandlord(deps.db, actor.landlordId);
  if (!landlord?.portalEnabled) throw conflict('portal_disabled');
  const customer = await requireCustomer(deps.db, actor.landlordId, customerId);
  if (!(await portalOpenForCustomer(deps.db, landlord.id, customer.id))) throw conflict('portal_not_in_pilot');
  const contact = (await repo.listContacts(deps.db, actor.landlordId, customerId)).find((c) => c.id === contactId);
  if (!contact) throw notFound('contact');
  if (!contact.email) throw badRequest('no_contact_email');
  if (contact.portalUserId) throw conflict('conflict');
  const email = contact.email;
  return deps.db.transaction(async (tx) => {
    const invitation = await createInvitation(tx, deps, landlord.id, customer.id, { contactId: contact.id, email }, null);
    await queueEmail(tx, landlord.id, {
      template: 'invitation',
      to: email,
      locale: landlord.defaultLocale,
      landlordName: landlord.name,
      customerName: customer.name,
      link: invitation.link,
    });
    return { contactId: contact.id, email, expiresAt: invitation.expiresAt.toISOString() };
  });
}
