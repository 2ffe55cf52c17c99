import { isDeepStrictEqual } from 'node:util';
import type {
  Contact,
  ContactInput,
  ContactUpdate,
  Country,
  CustomerCreate,
  CustomerDetail,
  CustomerKind,
  CustomerListQuery,
  CustomerSummary,
  CustomerUpdate,
  CustomerUpsertInput,
} from '@portico/shared/contracts/customers';
import { CustomerUpsertSchema, parseCustomerIdentity, parseMobile } from '@portico/shared/contracts/customers';
import { addDays } from 'date-fns';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../errors';
import { INVITATION_TTL_DAYS, listLeaseRefs, portalOpenForCustomer } from '../auth/service';
import { hashToken, newToken } from '../auth/tokens';
import { type ChangeRecord, recordChanges } from '../history/service';
import { queueEmail } from '../outbox/service';
import { findLandlord } from '../settings/service';
import { canManageCustomers, canReadCustomers } from './policy';
import * as repo from './repo';

export type ContactRow = Awaited<ReturnType<typeof repo.listContacts>>[number];
type CustomerRow = NonNullable<Awaited<ReturnType<typeof repo.findCustomer>>>;
type ContactDbRow = Awaited<ReturnType<typeof repo.listContactRows>>[number];

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
    locale: c.locale,
    portalState: c.portalUserId ? 'registered' : c.invited ? 'invited' : 'none',
    portalEmail: c.portalUserEmail ?? null,
  };
}

const leaseRefs = async (db: DbOrTx, ids: string[]) => (ids.length ? listLeaseRefs(db, ids) : []);

async function requireLandlord(db: DbOrTx, landlordId: string) {
  const landlord = await findLandlord(db, landlordId);
  if (!landlord) throw notFound('landlord');
  return landlord;
}

const toSummary = (c: CustomerRow, refs: Awaited<ReturnType<typeof leaseRefs>>): CustomerSummary => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  identityNumber: c.identityNumber,
  email: c.email,
  phone: c.phone,
  archivedAt: c.archivedAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
  leases: refs.filter((l) => l.customerId === c.id).map(({ customerId: _, ...l }) => l),
});

export async function listCustomers(deps: Deps, actor: StaffActor, query: CustomerListQuery) {
  if (!canReadCustomers(actor)) throw forbidden();
  const landlord = await requireLandlord(deps.db, actor.landlordId);
  const { items, ...page } = await repo.listCustomers(
    deps.db,
    actor.landlordId,
    { q: query.q, country: landlord.country, kind: query.kind, archived: query.archived, sort: query.sort, dir: query.dir },
    query,
  );
  const refs = await leaseRefs(
    deps.db,
    items.map((c) => c.id),
  );
  return { ...page, items: items.map((c) => toSummary(c, refs)) };
}

async function detail(db: DbOrTx, landlordId: string, customer: CustomerRow, country: Country): Promise<CustomerDetail> {
  const [refs, contacts] = await Promise.all([leaseRefs(db, [customer.id]), repo.listContacts(db, landlordId, customer.id)]);
  return {
    ...toSummary(customer, refs),
    locale: customer.locale,
    street: customer.street,
    postalCode: customer.postalCode,
    city: customer.city,
    externalId: customer.externalId,
    updatedAt: customer.updatedAt.toISOString(),
    country,
    contacts: contacts.map(toContact),
  };
}

export async function getCustomer(deps: Deps, actor: StaffActor, customerId: string): Promise<CustomerDetail> {
  if (!canReadCustomers(actor)) throw forbidden();
  const landlord = await requireLandlord(deps.db, actor.landlordId);
  const customer = await requireCustomer(deps.db, actor.landlordId, customerId);
  return detail(deps.db, actor.landlordId, customer, landlord.country);
}

// --- Writes (issue 9): rules, normalisation, history ---------------------------------------------

/** The fields a customer's history shows (what staff see and edit). */
const customerFields = (c: CustomerRow | repo.CustomerValues) => ({
  kind: c.kind,
  name: c.name,
  identityNumber: c.identityNumber ?? null,
  email: c.email ?? null,
  phone: c.phone ?? null,
  locale: c.locale ?? null,
  street: c.street ?? null,
  postalCode: c.postalCode ?? null,
  city: c.city ?? null,
  externalId: c.externalId ?? null,
});
const contactFields = (c: Pick<ContactDbRow, 'name' | 'email' | 'phone' | 'locale'> & { customerId?: string }) => ({
  name: c.name,
  email: c.email ?? null,
  phone: c.phone ?? null,
  locale: c.locale ?? null,
});

/** The identity number in its stored form for the landlord's country, or 400 identity_number_invalid. */
function normaliseIdentity(kind: CustomerKind, value: string | null | undefined, country: Country) {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const parsed = parseCustomerIdentity(kind, value, country);
  if (!parsed) throw badRequest('identity_number_invalid');
  return parsed.normalized;
}

/** A mobile number in E.164 for the landlord's country, or 400 mobile_invalid. */
function normaliseMobile(value: string | null | undefined, country: Country) {
  if (value === undefined || value === null) return value;
  const e164 = parseMobile(value, country);
  if (!e164) throw badRequest('mobile_invalid');
  return e164;
}

const definedOnly = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

function customerValues(kind: CustomerKind, input: CustomerUpdate, country: Country): Partial<repo.CustomerValues> {
  return definedOnly({
    name: input.name,
    identityNumber: normaliseIdentity(kind, input.identityNumber, country),
    email: input.email,
    phone: normaliseMobile(input.phone, country),
    locale: input.locale,
    street: input.street,
    postalCode: input.postalCode,
    city: input.city,
    externalId: input.externalId,
  });
}

function contactValues(input: Partial<ContactInput>, country: Country): Partial<repo.ContactValues> {
  return definedOnly({ name: input.name, email: input.email, phone: normaliseMobile(input.phone, country), locale: input.locale });
}

/** A unique violation of one of the customer's keys as its 409; anything else unchanged. */
function uniqueConflict(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = e.cause?.code ? e.cause : e;
  if (pg.code === '23505') {
    if (pg.constraint === 'customers_landlord_identity_key') return conflict('identity_number_taken');
    if (pg.constraint === 'customers_landlord_external_id_key') return conflict('external_id_taken');
    return conflict('conflict');
  }
  if (pg.code === '23503') return conflict('customer_in_use');
  return err;
}

/**
 * Runs `work` in a transaction of its own, or in a savepoint of the caller's (so a unique violation
 * answered as 409 leaves the caller's transaction usable), mapping key violations to their codes.
 */
async function guarded<T>(db: DbOrTx, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction((tx) => work(tx));
  } catch (err) {
    throw uniqueConflict(err);
  }
}

function assertManage(actor: StaffActor) {
  if (!canManageCustomers(actor)) throw forbidden();
}

/** Inserts a customer and its contacts (a person without any gets itself as contact) with history. */
async function insertWithContacts(tx: DbOrTx, actor: StaffActor, country: Country, input: CustomerCreate) {
  const values = { kind: input.kind, ...customerValues(input.kind, input, country) } as repo.CustomerValues;
  const customer = await repo.insertCustomer(tx, actor.landlordId, values);
  const contactInputs =
    input.contacts && input.contacts.length > 0
      ? input.contacts.map((c) => contactValues(c, country) as repo.ContactValues)
      : input.kind === 'person'
        ? [{ name: customer.name, email: customer.email, phone: customer.phone, locale: customer.locale }]
        : [];
  const contacts = await repo.insertContacts(tx, actor.landlordId, customer.id, contactInputs);
  await recordChanges(tx, actor, [
    { recordType: 'customer', recordId: customer.id, action: 'created', after: customerFields(customer) },
    ...contacts.map(
      (c): ChangeRecord => ({
        recordType: 'contact',
        recordId: c.id,
        action: 'created',
        after: { customer: customer.name, ...contactFields(c) },
      }),
    ),
  ]);
  return customer;
}

export async function createCustomer(deps: Deps, actor: StaffActor, input: CustomerCreate): Promise<CustomerDetail> {
  assertManage(actor);
  const landlord = await requireLandlord(deps.db, actor.landlordId);
  const customer = await guarded(deps.db, (tx) => insertWithContacts(tx, actor, landlord.country, input));
  return detail(deps.db, actor.landlordId, customer, landlord.country);
}

export async function updateCustomer(deps: Deps, actor: StaffActor, customerId: string, patch: CustomerUpdate): Promise<CustomerDetail> {
  assertManage(actor);
  const landlord = await requireLandlord(deps.db, actor.landlordId);
  const updated = await guarded(deps.db, async (tx) => {
    const before = await repo.lockCustomer(tx, actor.landlordId, customerId);
    if (!before) throw notFound('customer');
    const values = customerValues(before.kind, patch, landlord.country);
    const after = Object.keys(values).length ? await repo.updateCustomer(tx, actor.landlordId, customerId, values) : before;
    await recordChanges(tx, actor, [
      { recordType: 'customer', recordId: customerId, action: 'updated', before: customerFields(before), after: customerFields(after!) },
    ]);
    return after!;
  });
  return detail(deps.db, actor.landlordId, updated, landlord.country);
}

async function setArchived(deps: Deps, actor: StaffActor, customerId: string, archived: boolean): Promise<CustomerDetail> {
  assertManage(actor);
  const landlord = await requireLandlord(deps.db, actor.landlordId);
  const row = await deps.db.transaction(async (tx) => {
    const before = await repo.lockCustomer(tx, actor.landlordId, customerId);
    if (!before) throw notFound('customer');
    // Archiving twice (or restoring a live customer) changes nothing and records nothing.
    if (Boolean(before.archivedAt) === archived) return before;
    const after = await repo.updateCustomer(tx, actor.landlordId, customerId, { archivedAt: archived ? new Date() : null });
    await recordChanges(tx, actor, [
      {
        recordType: 'customer',
        recordId: customerId,
        action: archived ? 'archived' : 'restored',
        before: { archivedAt: before.archivedAt },
        after: { archivedAt: after!.archivedAt },
      },
    ]);
    return after!;
  });
  return detail(deps.db, actor.landlordId, row, landlord.country);
}

/** Archiving is always allowed: the customer leaves the lists; leases, messages and invoices stay. */
export const archiveCustomer = (deps: Deps, actor: StaffActor, customerId: string) => setArchived(deps, actor, customerId, true);
export const restoreCustomer = (deps: Deps, actor: StaffActor, customerId: string) => setArchived(deps, actor, customerId, false);

/**
 * Only a customer with no leases at all (and no messages, cases or invoices) may truly go:
 * 409 customer_has_active_leases / customer_has_leases / customer_in_use otherwise; archive instead.
 */
export async function deleteCustomer(deps: Deps, actor: StaffActor, customerId: string) {
  assertManage(actor);
  await guarded(deps.db, async (tx) => {
    const before = await repo.lockCustomer(tx, actor.landlordId, customerId);
    if (!before) throw notFound('customer');
    const leases = await repo.countLeases(tx, actor.landlordId, customerId);
    if (leases.active > 0) throw conflict('customer_has_active_leases');
    if (leases.all > 0) throw conflict('customer_has_leases');
    const contacts = await repo.listContactRows(tx, actor.landlordId, customerId);
    await repo.deleteCustomer(tx, actor.landlordId, customerId);
    await recordChanges(tx, actor, [
      { recordType: 'customer', recordId: customerId, action: 'deleted', before: customerFields(before) },
      ...contacts.map((c): ChangeRecord => ({ recordType: 'contact', recordId: c.id, action: 'deleted', before: contactFields(c) })),
    ]);
  });
}

// --- Contacts -----------------------------------------------------------------------------------

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
  });
}

// --- Import and integrators ---------------------------------------------------------------------

const contactKey = (c: { email?: string | null; name: string }) => (c.email ? `e:${c.email.toLowerCase()}` : `n:${c.name}`);

/**
 * Creates or updates the customer with this external id, in the caller's transaction (a savepoint
 * of it), with its contacts matched by e-mail within the customer (by name when a contact has no
 * e-mail); contacts not in the input stay. 'unchanged' writes nothing. The kind of an existing
 * customer is not changed (400 validation_failed when the input names another).
 */
export async function upsertCustomerByExternalId(
  db: DbOrTx,
  actor: StaffActor,
  rawInput: CustomerUpsertInput,
): Promise<{ id: string; outcome: 'created' | 'updated' | 'unchanged' }> {
  assertManage(actor);
  const parsed = CustomerUpsertSchema.safeParse(rawInput);
  if (!parsed.success) {
    const code = parsed.error.issues.map((i) => (i as { params?: { code?: string } }).params?.code).find(Boolean);
    throw new AppError(400, (code as 'identity_number_invalid' | 'mobile_invalid' | undefined) ?? 'validation_failed');
  }
  const input = parsed.data;
  const landlord = await requireLandlord(db, actor.landlordId);
  const country = landlord.country;
  return guarded(db, async (tx) => {
    const existing = await repo.findCustomerByExternalId(tx, actor.landlordId, input.externalId);
    if (!existing) {
      const created = await insertWithContacts(tx, actor, country, input);
      return { id: created.id, outcome: 'created' as const };
    }
    if (existing.kind !== input.kind) throw badRequest('validation_failed');
    const { contacts: contactInputs, kind: _, ...fields } = input;
    // Absent optional fields mean "empty" in a row: a spreadsheet cell cleared is a field cleared.
    const wanted = customerFields({ kind: existing.kind, ...nullsFor(customerValues(existing.kind, fields, country)), name: input.name });
    let changed = false;
    const changes: ChangeRecord[] = [];
    if (!isDeepStrictEqual(wanted, customerFields(existing))) {
      const after = await repo.updateCustomer(tx, actor.landlordId, existing.id, wanted);
      changes.push({
        recordType: 'customer',
        recordId: existing.id,
        action: 'updated',
        before: customerFields(existing),
        after: customerFields(after!),
      });
      changed = true;
    }
    const stored = await repo.listContactRows(tx, actor.landlordId, existing.id);
    const byKey = new Map(stored.map((c) => [contactKey(c), c]));
    for (const c of contactInputs) {
      const v = contactValues(c, country);
      const next = { name: c.name, email: v.email ?? null, phone: v.phone ?? null, locale: v.locale ?? null };
      const match = byKey.get(contactKey(next));
      if (!match) {
        const [row] = await repo.insertContacts(tx, actor.landlordId, existing.id, [next]);
        changes.push({
          recordType: 'contact',
          recordId: row!.id,
          action: 'created',
          after: { customer: existing.name, ...contactFields(row!) },
        });
        changed = true;
      } else if (!isDeepStrictEqual(contactFields(match), contactFields(next))) {
        const row = await repo.updateContact(tx, actor.landlordId, match.id, next);
        changes.push({
          recordType: 'contact',
          recordId: match.id,
          action: 'updated',
          before: contactFields(match),
          after: contactFields(row),
        });
        changed = true;
      }
    }
    await recordChanges(tx, actor, changes);
    return { id: existing.id, outcome: changed ? ('updated' as const) : ('unchanged' as const) };
  });
}

/** The upsert's customer fields with every absent optional field as null. */
const nullsFor = (values: Partial<repo.CustomerValues>) => ({
  identityNumber: values.identityNumber ?? null,
  email: values.email ?? null,
  phone: values.phone ?? null,
  locale: values.locale ?? null,
  street: values.street ?? null,
  postalCode: values.postalCode ?? null,
  city: values.city ?? null,
  externalId: values.externalId ?? null,
});

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
