import { isDeepStrictEqual } from 'node:util';
import type {
  Country,
  CustomerCreate,
  CustomerDetail,
  CustomerKind,
  CustomerListQuery,
  CustomerSummary,
  CustomerUpdate,
  CustomerUpsertInput,
} from '@portico/shared/contracts/customers';
import { CustomerUpsertSchema, parseCustomerIdentity } from '@portico/shared/contracts/customers';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { Deps } from '../../deps';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../errors';
import { listLeaseRefs } from '../auth/service';
import { emitEvent } from '../events/service';
import { type ChangeRecord, recordChanges } from '../history/service';
import {
  assertManage,
  contactFields,
  contactValues,
  definedOnly,
  normaliseMobile,
  requireCustomer,
  requireLandlord,
  toContact,
} from './common';
import { canReadCustomers } from './policy';
import * as repo from './repo';

export type { ContactRow } from './common';
export { requireCustomer } from './common';
export { listContacts } from './contacts';
export { createInvitation } from './portal-access';

type CustomerRow = NonNullable<Awaited<ReturnType<typeof repo.findCustomer>>>;

export async function requireLease(db: DbOrTx, landlordId: string, customerId: string, leaseId: string) {
  const lease = await repo.findLease(db, landlordId, customerId, leaseId);
  if (!lease) throw notFound('lease');
  return lease;
}

const leaseRefs = async (db: DbOrTx, ids: string[]) => (ids.length ? listLeaseRefs(db, ids) : []);

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

/** The identity number in its stored form for the landlord's country, or 400 identity_number_invalid. */
function normaliseIdentity(kind: CustomerKind, value: string | null | undefined, country: Country) {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const parsed = parseCustomerIdentity(kind, value, country);
  if (!parsed) throw badRequest('identity_number_invalid');
  return parsed.normalized;
}

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

/** The keys whose values differ between two field records (what a `customer.updated` names). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !isDeepStrictEqual(before[k], after[k]));
}

/** `customer.updated` for a change that changed something (webhooks and the feed, issue 10). */
export async function emitCustomerUpdated(
  tx: DbOrTx,
  landlordId: string,
  customer: { id: string; externalId: string | null },
  changes: string[],
) {
  if (changes.length)
    await emitEvent(tx, landlordId, 'customer.updated', { customerId: customer.id, externalId: customer.externalId, changes });
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
  await emitEvent(tx, actor.landlordId, 'customer.created', { customerId: customer.id, externalId: customer.externalId });
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
    await emitCustomerUpdated(tx, actor.landlordId, after!, changedFields(customerFields(before), customerFields(after!)));
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
    await emitCustomerUpdated(tx, actor.landlordId, after!, ['archivedAt']);
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
    await emitCustomerUpdated(tx, actor.landlordId, existing, [
      ...changedFields(customerFields(existing), wanted),
      ...(changes.some((c) => c.recordType === 'contact') ? ['contacts'] : []),
    ]);
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
