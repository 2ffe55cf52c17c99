import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { invitations } from '../../db/schema/auth';
import { customerContacts, portalMemberships } from '../../db/schema/customers';
import { portalUsers } from '../../db/schema/portal-users';

type Scope = { landlordId: string; customerId: string };

export async function listMembers(db: DbOrTx, scope: Scope) {
  return db
    .select({ id: portalUsers.id, name: portalUsers.name, email: portalUsers.email, role: portalMemberships.role })
    .from(portalMemberships)
    .innerJoin(portalUsers, eq(portalUsers.id, portalMemberships.portalUserId))
    .where(and(eq(portalMemberships.landlordId, scope.landlordId), eq(portalMemberships.customerId, scope.customerId)))
    .orderBy(asc(portalUsers.name));
}

/** Invitations not yet used or withdrawn (expired ones too, so they can be resent). */
export async function listOpenInvitations(db: DbOrTx, scope: Scope) {
  return db
    .select({
      id: invitations.id,
      name: sql<string>`coalesce(${invitations.name}, ${customerContacts.name}, '')`,
      email: invitations.email,
      role: invitations.role,
      contactId: invitations.contactId,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(customerContacts, eq(customerContacts.id, invitations.contactId))
    .where(
      and(
        eq(invitations.landlordId, scope.landlordId),
        eq(invitations.customerId, scope.customerId),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(asc(invitations.createdAt));
}

export async function findMember(db: DbOrTx, scope: Scope, userId: string) {
  const [row] = (await listMembers(db, scope)).filter((m) => m.id === userId);
  return row;
}

export async function countMainAdmins(db: DbOrTx, scope: Scope) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(portalMemberships)
    .where(
      and(
        eq(portalMemberships.landlordId, scope.landlordId),
        eq(portalMemberships.customerId, scope.customerId),
        eq(portalMemberships.role, 'main_admin'),
      ),
    );
  return row?.n ?? 0;
}

/** Locks the customer's memberships so two admins cannot both remove the last main administrator. */
export async function lockMemberships(db: DbOrTx, scope: Scope) {
  await db
    .select({ id: portalMemberships.portalUserId })
    .from(portalMemberships)
    .where(and(eq(portalMemberships.landlordId, scope.landlordId), eq(portalMemberships.customerId, scope.customerId)))
    .for('update');
}

export async function setRole(db: DbOrTx, scope: Scope, userId: string, role: 'main_admin' | 'admin' | 'user') {
  await db
    .update(portalMemberships)
    .set({ role })
    .where(
      and(
        eq(portalMemberships.landlordId, scope.landlordId),
        eq(portalMemberships.customerId, scope.customerId),
        eq(portalMemberships.portalUserId, userId),
      ),
    );
}

export async function removeMember(db: DbOrTx, scope: Scope, userId: string) {
  await db
    .delete(portalMemberships)
    .where(
      and(
        eq(portalMemberships.landlordId, scope.landlordId),
        eq(portalMemberships.customerId, scope.customerId),
        eq(portalMemberships.portalUserId, userId),
      ),
    );
  // The person is no longer this customer's contact in the portal.
  await db
    .update(customerContacts)
    .set({ portalUserId: null })
    .where(
      and(
        eq(customerContacts.landlordId, scope.landlordId),
        eq(customerContacts.customerId, scope.customerId),
        eq(customerContacts.portalUserId, userId),
      ),
    );
}

export async function revokeInvitation(db: DbOrTx, scope: Scope, invitationId: string) {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.landlordId, scope.landlordId),
        eq(invitations.customerId, scope.customerId),
        eq(invitations.id, invitationId),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning();
  return rows[0];
}
