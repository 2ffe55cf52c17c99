import { addDays } from 'date-fns';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { badRequest, conflict, notFound } from '../../errors';
import { INVITATION_TTL_DAYS, portalOpenForCustomer } from '../auth/service';
import { hashToken, newToken } from '../auth/tokens';
import { queueEmail } from '../outbox/service';
import { findLandlord } from '../settings/service';
import { assertManage, requireCustomer } from './common';
import * as repo from './repo';

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
  assertManage(actor);
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
