import { parseIdentityNumber } from '@portico/shared/formats/identity';
import { and, asc, eq, ilike, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { invitations } from '../../db/schema/auth';
import { customerContacts, customers, portalMemberships } from '../../db/schema/customers';
import { leases } from '../../db/schema/leases';
import { portalUsers } from '../../db/schema/portal-users';

export async function findCustomer(db: DbOrTx, landlordId: string, customerId: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.landlordId, landlordId), eq(customers.id, customerId)));
  return row;
}

type ListFilter = {
  q?: string | undefined;
  /** The landlord's country, to read a typed identity number ("880320-0016") the way it is stored. */
  country: 'SE' | 'DK';
  kind?: 'person' | 'company' | undefined;
  archived: 'false' | 'true' | 'all';
  sort: 'name' | 'created';
  dir: 'asc' | 'desc';
};

/** One keyset per sort and direction; each cursor carries its sort key and the id. */
const customerKeys = {
  name: {
    asc: keyset(
      [
        { expr: customers.name, type: 'text' },
        { expr: customers.id, type: 'uuid' },
      ],
      'asc',
    ),
    desc: keyset(
      [
        { expr: customers.name, type: 'text' },
        { expr: customers.id, type: 'uuid' },
      ],
      'desc',
    ),
  },
  created: {
    asc: keyset(
      [
        { expr: customers.createdAt, type: 'timestamptz' },
        { expr: customers.id, type: 'uuid' },
      ],
      'asc',
    ),
    desc: keyset(
      [
        { expr: customers.createdAt, type: 'timestamptz' },
        { expr: customers.id, type: 'uuid' },
      ],
      'desc',
    ),
  },
} as const;

/** `q` as an identity number: exact when it parses for the landlord's country, else its leading digits. */
function identityMatch(q: string, country: 'SE' | 'DK') {
  const parsed = parseIdentityNumber(q, { country });
  if (parsed) return eq(customers.identityNumber, parsed.normalized);
  const digits = q.replace(/[\s+-]/g, '');
  return /^\d{4,12}$/.test(digits) ? like(customers.identityNumber, `${digits}%`) : undefined;
}

/**
 * Served by customers_landlord_name_idx / customers_landlord_created_idx in list order (archived rows
 * are a residual filter: they are the few), with `q` by the trigram indexes on name and e-mail
 * (pg_trgm) and customers_landlord_identity_key (text_pattern_ops) for identity numbers; the
 * planner picks (decision 8M4).
 */
export async function listCustomers(
  db: DbOrTx,
  landlordId: string,
  filter: ListFilter,
  page: { cursor?: string | undefined; limit: number },
) {
  const keys = customerKeys[filter.sort][filter.dir];
  const pos = keys.decode(page.cursor);
  const { q } = filter;
  const where = and(
    eq(customers.landlordId, landlordId),
    q
      ? or(ilike(customers.name, `%${escapeLike(q)}%`), ilike(customers.email, `%${escapeLike(q)}%`), identityMatch(q, filter.country))
      : undefined,
    filter.kind ? eq(customers.kind, filter.kind) : undefined,
    filter.archived === 'false' ? isNull(customers.archivedAt) : filter.archived === 'true' ? isNotNull(customers.archivedAt) : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select({ customer: customers, ...keys.select })
      .from(customers)
      .where(and(where, keys.where(pos)))
      .orderBy(...keys.orderBy(pos))
      .limit(page.limit + 1),
    // In list order, so without a search the count walks the list's index.
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(customers)
        .where(where)
        .orderBy(...keys.orderBy()),
    ),
  ]);
  const paged = keys.page(rows, page.limit, pos);
  return { ...paged, items: paged.items.map((r) => r.customer), ...count };
}

export type CustomerValues = Omit<typeof customers.$inferInsert, 'id' | 'landlordId' | 'createdAt' | 'updatedAt'>;
export type ContactValues = Pick<typeof customerContacts.$inferInsert, 'name' | 'email' | 'phone' | 'locale'>;

export async function insertCustomer(db: DbOrTx, landlordId: string, values: CustomerValues) {
  const [row] = await db
    .insert(customers)
    .values({ ...values, landlordId })
    .returning();
  return row!;
}

export async function updateCustomer(db: DbOrTx, landlordId: string, id: string, values: Partial<CustomerValues>) {
  const [row] = await db
    .update(customers)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(customers.landlordId, landlordId), eq(customers.id, id)))
    .returning();
  return row;
}

/** The customer's row locked for the rest of the transaction (edits and deletes of one customer queue). */
export async function lockCustomer(db: DbOrTx, landlordId: string, id: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.landlordId, landlordId), eq(customers.id, id)))
    .for('update');
  return row;
}

export async function findCustomerByExternalId(db: DbOrTx, landlordId: string, externalId: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.landlordId, landlordId), eq(customers.externalId, externalId)))
    .for('update');
  return row;
}

/** How many leases the customer has, and how many of them are active. */
export async function countLeases(db: DbOrTx, landlordId: string, customerId: string) {
  const [row] = await db
    .select({ all: sql<number>`count(*)::int`, active: sql<number>`count(*) filter (where ${leases.status} = 'active')::int` })
    .from(leases)
    .where(and(eq(leases.landlordId, landlordId), eq(leases.customerId, customerId)));
  return row ?? { all: 0, active: 0 };
}

/**
 * Removes a customer with its contacts, portal memberships and invitations. Messages, cases and
 * invoices still pointing at it make the final delete fail with a foreign-key violation (the caller
 * answers 409).
 */
export async function deleteCustomer(db: DbOrTx, landlordId: string, customerId: string) {
  const scope = (t: typeof invitations | typeof portalMemberships | typeof customerContacts) =>
    and(eq(t.landlordId, landlordId), eq(t.customerId, customerId));
  await db.delete(invitations).where(scope(invitations));
  await db.delete(portalMemberships).where(scope(portalMemberships));
  await db.delete(customerContacts).where(scope(customerContacts));
  await db.delete(customers).where(and(eq(customers.landlordId, landlordId), eq(customers.id, customerId)));
}

export async function insertContacts(db: DbOrTx, landlordId: string, customerId: string, values: ContactValues[]) {
  if (!values.length) return [];
  return db
    .insert(customerContacts)
    .values(values.map((v) => ({ ...v, landlordId, customerId })))
    .returning();
}

export async function findContact(db: DbOrTx, landlordId: string, customerId: string, contactId: string) {
  const [row] = await db
    .select()
    .from(customerContacts)
    .where(
      and(eq(customerContacts.landlordId, landlordId), eq(customerContacts.customerId, customerId), eq(customerContacts.id, contactId)),
    )
    .for('update');
  return row;
}

export async function listContactRows(db: DbOrTx, landlordId: string, customerId: string) {
  return db
    .select()
    .from(customerContacts)
    .where(and(eq(customerContacts.landlordId, landlordId), eq(customerContacts.customerId, customerId)))
    .orderBy(asc(customerContacts.createdAt), asc(customerContacts.id));
}

export async function updateContact(
  db: DbOrTx,
  landlordId: string,
  contactId: string,
  values: Partial<ContactValues> & { portalUserId?: null },
) {
  const [row] = await db
    .update(customerContacts)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(customerContacts.landlordId, landlordId), eq(customerContacts.id, contactId)))
    .returning();
  return row!;
}

/** Deletes a contact; its open invitations are withdrawn and every invitation forgets it. */
export async function deleteContact(db: DbOrTx, landlordId: string, contactId: string) {
  const mine = and(eq(invitations.landlordId, landlordId), eq(invitations.contactId, contactId));
  await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(mine, isNull(invitations.usedAt), isNull(invitations.revokedAt)));
  await db.update(invitations).set({ contactId: null }).where(mine);
  await db.delete(customerContacts).where(and(eq(customerContacts.landlordId, landlordId), eq(customerContacts.id, contactId)));
}

/** The portal user's role in the customer, if a member. */
export async function findMembership(db: DbOrTx, landlordId: string, customerId: string, portalUserId: string) {
  const [row] = await db
    .select()
    .from(portalMemberships)
    .where(
      and(
        eq(portalMemberships.landlordId, landlordId),
        eq(portalMemberships.customerId, customerId),
        eq(portalMemberships.portalUserId, portalUserId),
      ),
    );
  return row;
}

/** Ends a portal user's access to one customer (their other customers are untouched). */
export async function removeMembership(db: DbOrTx, landlordId: string, customerId: string, portalUserId: string) {
  await db
    .delete(portalMemberships)
    .where(
      and(
        eq(portalMemberships.landlordId, landlordId),
        eq(portalMemberships.customerId, customerId),
        eq(portalMemberships.portalUserId, portalUserId),
      ),
    );
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findLease(db: DbOrTx, landlordId: string, customerId: string, leaseId: string) {
  const [row] = await db
    .select()
    .from(leases)
    .where(and(eq(leases.landlordId, landlordId), eq(leases.customerId, customerId), eq(leases.id, leaseId)));
  return row;
}

/** Contacts with their portal user (if registered) and whether a usable invitation is out. */
export async function listContacts(db: DbOrTx, landlordId: string, customerId: string) {
  return db
    .select({
      id: customerContacts.id,
      name: customerContacts.name,
      email: customerContacts.email,
      phone: customerContacts.phone,
      locale: customerContacts.locale,
      portalUserId: customerContacts.portalUserId,
      portalUserEmail: portalUsers.email,
      portalUserLocale: portalUsers.locale,
      portalUserPrefs: portalUsers.notificationPrefs,
      invited: sql<boolean>`exists (
        select 1 from ${invitations}
        where ${invitations.contactId} = ${customerContacts.id}
          and ${invitations.usedAt} is null and ${invitations.revokedAt} is null
          and ${invitations.expiresAt} > now())`,
    })
    .from(customerContacts)
    .leftJoin(portalUsers, eq(portalUsers.id, customerContacts.portalUserId))
    .where(and(eq(customerContacts.landlordId, landlordId), eq(customerContacts.customerId, customerId)))
    .orderBy(asc(customerContacts.name), asc(customerContacts.id));
}

export async function insertInvitation(db: DbOrTx, values: typeof invitations.$inferInsert) {
  // Only the newest link to a person works: a forwarded old e-mail is no key.
  await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.landlordId, values.landlordId),
        eq(invitations.customerId, values.customerId),
        values.contactId ? eq(invitations.contactId, values.contactId) : eq(invitations.email, values.email),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
      ),
    );
  return db.insert(invitations).values(values).returning({ id: invitations.id });
}
