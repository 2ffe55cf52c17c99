import type { CaseDetail, RelatedCaseBody } from '@portico/shared/contracts/cases';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { forbidden, notFound } from '../../errors';
import { wantsEmail } from '../account/service';
import * as auth from '../auth/service';
import { listContacts, requireCustomer } from '../customers/service';
import { queueCaseEmail, queueSms } from '../outbox/service';
import * as properties from '../properties/service';
import { findLandlord } from '../settings/service';
import { links, smsNumbers } from './common';
import { canDispatch } from './policy';
import * as repo from './repo';
import { getCase } from './service';

/** Seed 001 related case: information to one customer or every customer of a property, optionally also by SMS. */
export async function createRelatedCase(deps: Deps, actor: StaffActor, body: RelatedCaseBody): Promise<CaseDetail> {
  if (!canDispatch(actor)) throw forbidden();
  const caseId = await deps.db.transaction(async (tx) => {
    const landlord = await findLandlord(tx, actor.landlordId);
    if (!landlord) throw notFound('landlord');
    let propertyId: string;
    let recipients: { id: string; name: string; phone: string | null }[];
    if (body.customerId) {
      const customer = await requireCustomer(tx, actor.landlordId, body.customerId);
      const place = (await customerPlace(tx, actor.landlordId, customer.id)) ?? null;
      if (!place) throw notFound('lease');
      propertyId = place.propertyId;
      recipients = [{ id: customer.id, name: customer.name, phone: customer.phone }];
    } else {
      const property = await properties.findProperty(tx, actor.landlordId, body.propertyId!);
      if (!property) throw notFound('property');
      propertyId = property.id;
      recipients = await repo.customersOfProperty(tx, actor.landlordId, property.id);
    }
    const row = await repo.insertCase(tx, {
      landlordId: actor.landlordId,
      number: await repo.nextCaseNumber(tx, actor.landlordId, new Date().getUTCFullYear()),
      customerId: body.customerId ?? null,
      propertyId,
      type: 'information',
      title: body.title,
      description: body.description,
      reporterKind: 'staff',
      reporterId: actor.id,
      reporterDisplayName: actor.name,
      sendSms: body.sms,
      assigneeId: actor.id,
    });
    await repo.insertEvent(tx, {
      landlordId: actor.landlordId,
      caseId: row.id,
      kind: 'created',
      authorKind: 'staff',
      authorId: actor.id,
      authorName: actor.name,
      toStatus: 'new',
    });
    // A single customer is a recipient too, so the console can show how (or whether) it was reached.
    await repo.insertRecipients(tx, { landlordId: actor.landlordId, caseId: row.id, customerIds: recipients.map((r) => r.id) });
    const content = { landlordName: landlord.name, title: body.title, body: body.description };
    for (const recipient of recipients) {
      const about = { caseId: row.id, customerId: recipient.id };
      const contacts = await listContacts(tx, actor.landlordId, recipient.id);
      for (const contact of contacts) {
        if (!contact.email) continue;
        if (contact.portalUserId && !wantsEmail(contact.portalUserPrefs, 'cases')) continue;
        await queueCaseEmail(
          tx,
          actor.landlordId,
          {
            template: 'case_information',
            to: contact.email,
            locale: contact.portalUserLocale ?? landlord.defaultLocale,
            ...content,
            ...(landlord.portalEnabled ? { link: links(deps, row.id).tenant } : {}),
          },
          about,
        );
      }
      // Urgent things such as a water leak (seed 001): also by SMS to every mobile on record.
      if (body.sms) {
        for (const to of smsNumbers(landlord.country, contacts, recipient.phone)) {
          await queueSms(tx, actor.landlordId, { template: 'case_information', to, locale: landlord.defaultLocale, ...content }, about);
        }
      }
    }
    return row.id;
  });
  return getCase(deps, actor, caseId);
}

/** Any active lease of a customer, for placing an information case in a property. */
async function customerPlace(tx: DbOrTx, landlordId: string, customerId: string) {
  const [lease] = await auth.listLeaseRefs(tx, [customerId]);
  return lease ? repo.leasePlace(tx, landlordId, customerId, lease.id) : undefined;
}
