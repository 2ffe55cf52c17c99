import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { emailChanges } from '../../db/schema/auth';
import { customerContacts } from '../../db/schema/customers';

export async function insertEmailChange(
  db: DbOrTx,
  values: { portalUserId: string; newEmail: string; tokenHash: string; expiresAt: Date },
) {
  // A newer request replaces any earlier one still waiting.
  await db
    .update(emailChanges)
    .set({ usedAt: new Date() })
    .where(and(eq(emailChanges.portalUserId, values.portalUserId), isNull(emailChanges.usedAt)));
  await db.insert(emailChanges).values(values);
}

/** Claims an activation token atomically; a second use finds nothing. */
export async function claimEmailChange(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .update(emailChanges)
    .set({ usedAt: new Date() })
    .where(and(eq(emailChanges.tokenHash, tokenHash), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, sql`now()`)))
    .returning();
  return row;
}

/** Seed 004: the landlord sees the new address at once — it is the contact's address on record. */
export async function updateContactEmails(db: DbOrTx, portalUserId: string, email: string) {
  await db.update(customerContacts).set({ email }).where(eq(customerContacts.portalUserId, portalUserId));
}
