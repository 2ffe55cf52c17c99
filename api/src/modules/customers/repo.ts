import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { invitations } from '../../db/schema/auth';
import { customerContacts, customers } from '../../db/schema/customers';
import { leases } from '../../db/schema/leases';
import { portalUsers } from '../../db/schema/portal-users';

export async function findCustomer(db: DbOrTx, landlordId: string, customerId: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.landlordId, landlordId), eq(customers.id, customerId)));
  return row;
}

/** The console's list in name order; the cursor carries (name, id). */
const customerKeys = keyset(
  [
    { expr: customers.name, type: 'text' },
    { expr: customers.id, type: 'uuid' },
  ],
  'asc',
);

/**
 * Served by customers_landlord_name_idx in list order, and with `q` by the trigram indexes on name
 * and e-mail (pg_trgm) when the term is rare; the planner picks (decision 8M4).
 */
export async function listCustomers(
  db: DbOrTx,
  landlordId: string,
  q: string | undefined,
  page: { cursor?: string | undefined; limit: number },
) {
  const pos = customerKeys.decode(page.cursor);
  const where = and(
    eq(customers.landlordId, landlordId),
    q ? or(ilike(customers.name, `%${escapeLike(q)}%`), ilike(customers.email, `%${escapeLike(q)}%`)) : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select({ customer: customers, ...customerKeys.select })
      .from(customers)
      .where(and(where, customerKeys.where(pos)))
      .orderBy(...customerKeys.orderBy(pos))
      .limit(page.limit + 1),
    // In list order, so without a search the count walks customers_landlord_name_idx.
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(customers)
        .where(where)
        .orderBy(...customerKeys.orderBy()),
    ),
  ]);
  const paged = customerKeys.page(rows, page.limit, pos);
  return { ...paged, items: paged.items.map((r) => r.customer), ...count };
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
      portalUserId: customerContacts.portalUserId,
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
    .orderBy(asc(customerContacts.name));
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
