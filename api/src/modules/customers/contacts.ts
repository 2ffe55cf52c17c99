import type { Contact, ContactInput, ContactUpdate } from '@portico/shared/contracts/customers';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { badRequest, conflict, notFound } from '../../errors';
import { emitEvent } from '../events/service';
import { recordChanges } from '../history/service';
import { queueEmail } from '../outbox/service';
import { assertManage, contactFields, contactValues, requireLandlord, toContact } from './common';
import { createInvitation } from './portal-access';
import * as repo from './repo';

export const listContacts = repo.listContacts;

async function contactOut(db: DbOrTx, landlordId: string, customerId: string, contactId: string) {
  const row = (await repo.listContacts(db, landlordId, customerId)).find((c) => c.id === contactId);
  if (!row) throw notFound('contact');
  return toContact(row);
}

export async function addContact(deps: Deps, actor: StaffActor, customerId: string, input: ContactInput): Promise<Contact> {
  assertManage(actor);
  const landlord = await requireLandlord(deps.db, actor.landlordId);
  const values = contactValues(input, landlord.country) as repo.ContactValues;
  const contact = await deps.db.transaction(async (tx) => {
    const customer = await repo.lockCustomer(tx, actor.landlordId, customerId);
    if (!customer) throw notFound('customer');
    const [row] = await repo.insertContacts(tx, actor.landlordId, customerId, [values]);
    await recordChanges(tx, actor, [
      { recordType: 'contact', recordId: row!.id, action: 'created', after: { customer: customer.name, ...contactFields(row!) } },
    ]);
    await emitEvent(tx, actor.landlordId, 'customer.updated', { customerId, externalId: customer.externalId, changes: ['contacts'] });
    return row!;
  });
  return contactOut(deps.db, actor.landlordId, customerId, contact.id);
}

/**
 * Seed 001: staff register a contact's e-mail or mobile. When the contact has a portal user and
 * the e-mail changes, staff choose (docs/landlord-data.md): `keep` changes the landlord's record
 * only — the sign-in address is the person's own (they may be a tenant of other landlords too) and
 * they change it themselves in their account; `reinvite` is seed 000's detach + invite as one step:
 * the portal user loses access to this customer and the new address is invited with the same role.
 * Without a choice the answer is 409 contact_has_portal_user, so nobody loses access by surprise.
 */
export async function updateContact(
  deps: Deps,
  actor: StaffActor,
  customerId: string,
  contactId: string,
  patch: ContactUpdate,
): Promise<Contact> {
  assertManage(actor);
  const landlord = await requireLandlord(deps.db, actor.landlordId);
  const { portalUser: choice, ...fields } = patch;
  const values = contactValues(fields, landlord.country);
  await deps.db.transaction(async (tx) => {
    const customer = await repo.lockCustomer(tx, actor.landlordId, customerId);
    if (!customer) throw notFound('customer');
    const before = await repo.findContact(tx, actor.landlordId, customerId, contactId);
    if (!before) throw notFound('contact');
    const emailChanges = values.email !== undefined && values.email !== before.email;
    let reinvite: { role: 'main_admin' | 'admin' | 'user'; email: string } | null = null;
    if (emailChanges && before.portalUserId) {
      if (!choice) throw conflict('contact_has_portal_user');
      if (choice === 'reinvite') {
        if (!values.email) throw badRequest('no_contact_email');
        if (!landlord.portalEnabled) throw conflict('portal_disabled');
        const membership = await repo.findMembership(tx, actor.landlordId, customerId, before.portalUserId);
        await repo.removeMembership(tx, actor.landlordId, customerId, before.portalUserId);
        reinvite = { role: membership?.role ?? 'user', email: values.email };
      }
    }
    const after = await repo.updateContact(tx, actor.landlordId, contactId, {
      ...values,
      ...(reinvite ? { portalUserId: null } : {}),
    });
    await recordChanges(tx, actor, [
      {
        recordType: 'contact',
        recordId: contactId,
        action: 'updated',
        before: { ...contactFields(before), portalUser: before.portalUserId ? 'registered' : null },
        after: { ...contactFields(after), portalUser: after.portalUserId ? 'registered' : reinvite ? 'invited' : null },
      },
    ]);
    await emitEvent(tx, actor.landlordId, 'customer.updated', { customerId, externalId: customer.externalId, changes: ['contacts'] });
    if (reinvite) {
      const invitation = await createInvitation(
        tx,
        deps,
        actor.landlordId,
        customerId,
        { contactId, email: reinvite.email, name: after.name, role: reinvite.role },
        null,
      );
      await queueEmail(tx, actor.landlordId, {
        template: 'invitation',
        to: reinvite.email,
        locale: after.locale ?? landlord.defaultLocale,
        landlordName: landlord.name,
        customerName: customer.name,
        link: invitation.link,
      });
    }
  });
  return contactOut(deps.db, actor.landlordId, customerId, contactId);
}

/** A contact with a portal user keeps it until staff remove the access (409 contact_has_portal_user). */
export async function removeContact(deps: Deps, actor: StaffActor, customerId: string, contactId: string) {
  assertManage(actor);
  await deps.db.transaction(async (tx) => {
    const customer = await repo.lockCustomer(tx, actor.landlordId, customerId);
    if (!customer) throw notFound('customer');
    const before = await repo.findContact(tx, actor.landlordId, customerId, contactId);
    if (!before) throw notFound('contact');
    if (before.portalUserId) throw conflict('contact_has_portal_user');
    await repo.deleteContact(tx, actor.landlordId, contactId);
    await recordChanges(tx, actor, [{ recordType: 'contact', recordId: contactId, action: 'deleted', before: contactFields(before) }]);
    await emitEvent(tx, actor.landlordId, 'customer.updated', { customerId, externalId: customer.externalId, changes: ['contacts'] });
  });
}
