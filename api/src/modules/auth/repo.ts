import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { portalScopeAllows } from '../../db/portal-scope';
import { emailChanges, invitations, passwordResets, sessions } from '../../db/schema/auth';
import { customerContacts, customers, portalMemberships } from '../../db/schema/customers';
import { landlords } from '../../db/schema/landlords';
import { leases } from '../../db/schema/leases';
import { portalUsers } from '../../db/schema/portal-users';
import { properties, units } from '../../db/schema/properties';
import { staffUsers } from '../../db/schema/staff';

export type Audience = 'staff' | 'portal';

const landlordColumns = {
  id: landlords.id,
  name: landlords.name,
  defaultLocale: landlords.defaultLocale,
  portalEnabled: landlords.portalEnabled,
  passwordPolicy: landlords.passwordPolicy,
  invoicesRequireStrongAuth: landlords.invoicesRequireStrongAuth,
};

export async function findStaff(db: DbOrTx, by: { email: string } | { id: string }) {
  const [row] = await db
    .select({ user: staffUsers, landlord: landlordColumns })
    .from(staffUsers)
    .innerJoin(landlords, eq(landlords.id, staffUsers.landlordId))
    .where('email' in by ? eq(staffUsers.email, by.email) : eq(staffUsers.id, by.id));
  return row;
}

export async function findPortalUser(db: DbOrTx, by: { email: string } | { id: string } | { login: string } | { identityNumber: string }) {
  const where =
    'email' in by
      ? eq(portalUsers.email, by.email)
      : 'id' in by
        ? eq(portalUsers.id, by.id)
        : 'login' in by
          ? or(eq(portalUsers.email, by.login), eq(portalUsers.username, by.login))
          : eq(portalUsers.identityNumber, by.identityNumber);
  const [row] = await db.select().from(portalUsers).where(where);
  return row;
}

/** The customers a portal user may act for: only those whose landlord has the portal switched on (for them). */
export async function listMemberships(db: DbOrTx, portalUserId: string) {
  const rows = await db
    .select({
      customerId: customers.id,
      customerName: customers.name,
      role: portalMemberships.role,
      // Issue 12 SHELL: a private customer with no other portal member is a one-person household.
      household: sql<boolean>`${customers.kind} = 'person' and not exists (select 1 from ${portalMemberships} other where other.customer_id = ${customers.id} and other.portal_user_id <> ${portalUserId})`,
      landlord: landlordColumns,
    })
    .from(portalMemberships)
    .innerJoin(customers, eq(customers.id, portalMemberships.customerId))
    .innerJoin(landlords, eq(landlords.id, portalMemberships.landlordId))
    .where(
      and(
        eq(portalMemberships.portalUserId, portalUserId),
        eq(landlords.portalEnabled, true),
        portalScopeAllows(sql`${landlords.portalScope}`, sql`${portalMemberships.customerId}`),
      ),
    )
    .orderBy(asc(portalMemberships.createdAt), asc(customers.name));
  const leaseRows = rows.length
    ? await listLeaseRefs(
        db,
        rows.map((r) => r.customerId),
      )
    : [];
  return rows.map((r) => ({ ...r, leases: leaseRows.filter((l) => l.customerId === r.customerId) }));
}

/**
 * Everything a portal request needs, in one round trip (decision 8M3): the session family's live
 * row, its portal user, and one membership with its landlord's flags — the one for `customerId`
 * when the user has it, else the first (as `listMemberships` orders them). No lease list.
 * `customerId` is compared as text: a header that is no uuid simply matches nothing.
 */
export async function findTenantContext(db: DbOrTx, p: { familyId: string; customerId: string | undefined }) {
  const wanted = p.customerId ?? null;
  const result = await db.execute<{
    user_id: string;
    audience: Audience;
    portal_user_id: string | null;
    name: string | null;
    email: string | null;
    locale: 'sv' | 'da' | 'en' | null;
    customer_id: string | null;
    role: 'main_admin' | 'admin' | 'user' | null;
    landlord_id: string | null;
    default_locale: 'sv' | 'da' | 'en' | null;
    invoices_require_strong_auth: boolean | null;
  }>(sql`
    select s.user_id, s.audience, u.id as portal_user_id, u.name, u.email, u.locale,
           m.customer_id, m.role, m.landlord_id, m.default_locale, m.invoices_require_strong_auth
    from ${sessions} s
    left join ${portalUsers} u on u.id = s.user_id and s.audience = 'portal'
    left join lateral (
      select pm.customer_id, pm.role, l.id as landlord_id, l.default_locale, l.invoices_require_strong_auth
      from ${portalMemberships} pm
      join ${landlords} l on l.id = pm.landlord_id
      join ${customers} c on c.landlord_id = pm.landlord_id and c.id = pm.customer_id
      where pm.portal_user_id = u.id and l.portal_enabled and ${portalScopeAllows(sql`l.portal_scope`, sql`pm.customer_id`)}
      order by (pm.customer_id::text = ${wanted}::text) desc nulls last, pm.created_at, c.name
      limit 1
    ) m on true
    where s.family_id = ${p.familyId} and s.rotated_at is null and s.revoked_at is null and s.expires_at > now()`);
  return result.rows[0];
}

/**
 * Memberships at landlords with the portal on whose pilot scope leaves this person out: tells
 * "not in the pilot yet" from "portal switched off".
 */
export async function countMembershipsOutsidePilot(db: DbOrTx, portalUserId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(portalMemberships)
    .innerJoin(landlords, eq(landlords.id, portalMemberships.landlordId))
    .where(
      and(
        eq(portalMemberships.portalUserId, portalUserId),
        eq(landlords.portalEnabled, true),
        sql`not ${portalScopeAllows(sql`${landlords.portalScope}`, sql`${portalMemberships.customerId}`)}`,
      ),
    );
  return row?.n ?? 0;
}

/** Whether one customer of a landlord may use the portal now (portal on, and in the pilot scope). */
export async function portalOpenForCustomer(db: DbOrTx, landlordId: string, customerId: string) {
  const [row] = await db
    .select({
      open: sql<boolean>`${landlords.portalEnabled} and ${portalScopeAllows(sql`${landlords.portalScope}`, sql`${customerId}::uuid`)}`,
    })
    .from(landlords)
    .where(eq(landlords.id, landlordId));
  return row?.open === true;
}

/** Memberships whatever the landlord's portal setting: tells "portal switched off" from "no customer at all". */
export async function countAllMemberships(db: DbOrTx, portalUserId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(portalMemberships)
    .where(eq(portalMemberships.portalUserId, portalUserId));
  return row?.n ?? 0;
}

/** Leases with the address a person recognises, for pickers and lists. */
export async function listLeaseRefs(db: DbOrTx, customerIds: string[]) {
  return db
    .select({ id: leases.id, customerId: leases.customerId, number: leases.number, unitType: units.type, address: units.address })
    .from(leases)
    .innerJoin(units, eq(units.id, leases.unitId))
    .innerJoin(properties, eq(properties.id, units.propertyId))
    .where(and(inArray(leases.customerId, customerIds), inArray(leases.status, ['active', 'terminated'])))
    .orderBy(asc(leases.validFrom), asc(leases.number));
}

export async function updateStaff(db: DbOrTx, id: string, patch: Partial<{ locale: 'sv' | 'da' | 'en' | null; passwordHash: string }>) {
  await db.update(staffUsers).set(patch).where(eq(staffUsers.id, id));
}

export async function updatePortalUser(db: DbOrTx, id: string, patch: Partial<Omit<typeof portalUsers.$inferInsert, 'id' | 'createdAt'>>) {
  await db.update(portalUsers).set(patch).where(eq(portalUsers.id, id));
}

export async function insertPortalUser(
  db: DbOrTx,
  values: { email: string; name: string; passwordHash: string; locale: 'sv' | 'da' | 'en'; username?: string; phone?: string | null },
) {
  const [row] = await db.insert(portalUsers).values(values).returning();
  return row!;
}

// --- sessions -----------------------------------------------------------------

export async function insertSession(
  db: DbOrTx,
  values: {
    familyId: string;
    audience: Audience;
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    remember: boolean;
    device: string;
    strongAuthAt: Date | null;
  },
) {
  await db.insert(sessions).values(values);
}

/** The live token of each of a user's session families: one row per signed-in device. */
export async function listActiveSessions(db: DbOrTx, audience: Audience, userId: string) {
  return db
    .select({
      familyId: sessions.familyId,
      device: sessions.device,
      remember: sessions.remember,
      createdAt: sessions.createdAt,
      familyStartedAt: sql<Date>`(select min(s2.created_at) from sessions s2 where s2.family_id = ${sessions.familyId})`.mapWith(
        (v) => new Date(v),
      ),
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.audience, audience),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        isNull(sessions.rotatedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(sessions.createdAt));
}

/**
 * The live (unrotated, unrevoked, unexpired) row of a session family, if the family is still signed
 * in. Served by the partial unique index `sessions_live_family_idx`: one index probe per request.
 */
export async function findLiveSession(db: DbOrTx, familyId: string) {
  const [row] = await db
    .select({ userId: sessions.userId, audience: sessions.audience, strongAuthAt: sessions.strongAuthAt })
    .from(sessions)
    .where(
      and(eq(sessions.familyId, familyId), isNull(sessions.rotatedAt), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)),
    );
  return row;
}

export async function revokeUserFamily(db: DbOrTx, audience: Audience, userId: string, familyId: string) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.audience, audience), eq(sessions.userId, userId), eq(sessions.familyId, familyId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Signs out every other device of a user (after a password change). */
export async function revokeOtherFamilies(db: DbOrTx, audience: Audience, userId: string, keepFamilyId: string | undefined) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.audience, audience),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepFamilyId ? ne(sessions.familyId, keepFamilyId) : undefined,
      ),
    );
}

export async function markFamilyStrong(db: DbOrTx, familyId: string) {
  await db
    .update(sessions)
    .set({ strongAuthAt: new Date() })
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
}

export async function findSessionByHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).for('update');
  return row;
}

export async function markSessionRotated(db: DbOrTx, id: string) {
  await db.update(sessions).set({ rotatedAt: new Date() }).where(eq(sessions.id, id));
}

export async function revokeFamily(db: DbOrTx, familyId: string) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: DbOrTx, audience: Audience, userId: string) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.audience, audience), eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

// --- password resets ------------------------------------------------------------

/**
 * Who a reset for this address would go to, in one query for either audience (so a known and an
 * unknown address cost the same): a portal user only through a customer whose landlord has the
 * portal on — their first such membership names the landlord of the e-mail.
 */
export async function findResetTarget(db: DbOrTx, audience: Audience, email: string) {
  if (audience === 'staff') {
    const [row] = await db
      .select({
        userId: staffUsers.id,
        locale: staffUsers.locale,
        defaultLocale: landlords.defaultLocale,
        landlordId: landlords.id,
        landlordName: landlords.name,
      })
      .from(staffUsers)
      .innerJoin(landlords, eq(landlords.id, staffUsers.landlordId))
      // A deactivated colleague (or a cancelled invitation) gets the "no active account" answer.
      .where(and(eq(staffUsers.email, email), isNull(staffUsers.deactivatedAt)));
    return row;
  }
  const [row] = await db
    .select({
      userId: portalUsers.id,
      locale: portalUsers.locale,
      defaultLocale: landlords.defaultLocale,
      landlordId: landlords.id,
      landlordName: landlords.name,
    })
    .from(portalUsers)
    .innerJoin(portalMemberships, eq(portalMemberships.portalUserId, portalUsers.id))
    .innerJoin(landlords, and(eq(landlords.id, portalMemberships.landlordId), eq(landlords.portalEnabled, true)))
    .where(and(eq(portalUsers.email, email), portalScopeAllows(sql`${landlords.portalScope}`, sql`${portalMemberships.customerId}`)))
    .orderBy(asc(portalMemberships.createdAt))
    .limit(1);
  return row;
}

export async function insertPasswordReset(db: DbOrTx, values: { audience: Audience; userId: string; tokenHash: string; expiresAt: Date }) {
  await db.insert(passwordResets).values(values);
}

/** Claims a reset token atomically: a second use of the same token finds nothing. */
export async function claimPasswordReset(db: DbOrTx, audience: Audience, tokenHash: string) {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        eq(passwordResets.audience, audience),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return row;
}

// --- invitations -----------------------------------------------------------------

export async function findInvitationByHash(db: DbOrTx, tokenHash: string, lock = false) {
  const query = db
    .select({
      invitation: invitations,
      contactName: customerContacts.name,
      customerName: customers.name,
      landlord: landlordColumns,
    })
    .from(invitations)
    .leftJoin(customerContacts, eq(customerContacts.id, invitations.contactId))
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .innerJoin(landlords, eq(landlords.id, invitations.landlordId))
    .where(eq(invitations.tokenHash, tokenHash));
  const [row] = lock ? await query.for('update', { of: invitations }) : await query;
  return row;
}

export async function markInvitationUsed(db: DbOrTx, landlordId: string, invitationId: string, contactId: string | null) {
  await db
    .update(invitations)
    .set({ usedAt: new Date() })
    .where(and(eq(invitations.landlordId, landlordId), eq(invitations.id, invitationId)));
  if (!contactId) return;
  // Older links to the same person stop working once one has been used.
  await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.landlordId, landlordId),
        eq(invitations.contactId, contactId),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
      ),
    );
}

export async function addMembership(
  db: DbOrTx,
  values: { portalUserId: string; customerId: string; landlordId: string; role: 'main_admin' | 'admin' | 'user' },
) {
  await db.insert(portalMemberships).values(values).onConflictDoNothing();
}

export async function countMemberships(db: DbOrTx, landlordId: string, customerId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(portalMemberships)
    .where(and(eq(portalMemberships.landlordId, landlordId), eq(portalMemberships.customerId, customerId)));
  return row?.n ?? 0;
}

export async function linkContactToPortalUser(db: DbOrTx, landlordId: string, contactId: string, portalUserId: string) {
  await db
    .update(customerContacts)
    .set({ portalUserId })
    .where(and(eq(customerContacts.landlordId, landlordId), eq(customerContacts.id, contactId)));
}

export async function pendingEmailChange(db: DbOrTx, portalUserId: string) {
  const [row] = await db
    .select({ newEmail: emailChanges.newEmail })
    .from(emailChanges)
    .where(and(eq(emailChanges.portalUserId, portalUserId), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, sql`now()`)))
    .orderBy(desc(emailChanges.createdAt))
    .limit(1);
  return row?.newEmail;
}

/** Retention: sessions past their expiry, revoked or not; a live session's family is never touched. */
export async function deleteExpiredSessions(db: DbOrTx, now: Date) {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return rows.length;
}
