import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { portalScopeAllows } from '../../db/portal-scope';
import { signups } from '../../db/schema/auth';
import { customers } from '../../db/schema/customers';
import { landlords } from '../../db/schema/landlords';
import { leases } from '../../db/schema/leases';

const customerColumns = {
  id: customers.id,
  name: customers.name,
  email: customers.email,
  phone: customers.phone,
  landlordId: landlords.id,
  landlordName: landlords.name,
  defaultLocale: landlords.defaultLocale,
  passwordPolicy: landlords.passwordPolicy,
};

/**
 * Customers with this identity number and an active lease, at landlords with the portal on: a lookup
 * across landlords, served by customers_identity_idx (exported as a query for the plan test).
 */
export function findCustomersByIdentity(db: DbOrTx, identityNumber: string) {
  return db
    .selectDistinct(customerColumns)
    .from(customers)
    .innerJoin(landlords, eq(landlords.id, customers.landlordId))
    .innerJoin(leases, and(eq(leases.customerId, customers.id), eq(leases.status, 'active')))
    .where(
      and(
        eq(customers.identityNumber, identityNumber),
        eq(landlords.portalEnabled, true),
        portalScopeAllows(sql`${landlords.portalScope}`, sql`${customers.id}`),
      ),
    );
}

export async function findCustomersByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select(customerColumns)
    .from(customers)
    .innerJoin(landlords, eq(landlords.id, customers.landlordId))
    .where(inArray(customers.id, ids));
}

/** Sign-ups started in the last hour for a number. */
export async function recentSignups(db: DbOrTx, identityNumber: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signups)
    .where(and(eq(signups.identityNumber, identityNumber), gt(signups.createdAt, sql`now() - interval '1 hour'`)));
  return row?.n ?? 0;
}

export async function insertSignup(db: DbOrTx, values: typeof signups.$inferInsert) {
  const [row] = await db.insert(signups).values(values).returning();
  return row!;
}

export async function lockSignup(db: DbOrTx, id: string) {
  const [row] = await db.select().from(signups).where(eq(signups.id, id)).for('update');
  return row;
}

export async function updateSignup(db: DbOrTx, id: string, patch: Partial<typeof signups.$inferInsert>) {
  await db.update(signups).set(patch).where(eq(signups.id, id));
}

/**
 * Retention: sign-ups past their expiry (they hold identity numbers). Expiry is an hour after
 * the start, the same hour the per-number limit counts, so the limit loses nothing.
 */
export async function deleteExpiredSignups(db: DbOrTx, now: Date) {
  const rows = await db.delete(signups).where(lt(signups.expiresAt, now)).returning({ id: signups.id });
  return rows.length;
}
