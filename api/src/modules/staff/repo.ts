import { and, eq, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { landlords } from '../../db/schema/landlords';
import { staffInvitations, staffUsers } from '../../db/schema/staff';

export type StaffRow = typeof staffUsers.$inferSelect;
export type StaffStatus = 'invited' | 'active' | 'deactivated';

/**
 * The open (unused, unrevoked, unexpired) invitation's expiry, per row. Written with plain names:
 * drizzle leaves a select field's columns unqualified, which inside this subquery would bind to
 * staff_invitations.
 */
const openInvitationExpiry = sql<Date | null>`(
  select si.expires_at from staff_invitations si
  where si.staff_user_id = staff_users.id and si.used_at is null and si.revoked_at is null and si.expires_at > now())`.mapWith((v) =>
  v ? new Date(v) : null,
);

const columns = {
  id: staffUsers.id,
  landlordId: staffUsers.landlordId,
  email: staffUsers.email,
  name: staffUsers.name,
  role: staffUsers.role,
  locale: staffUsers.locale,
  phone: staffUsers.phone,
  hasPassword: sql<boolean>`staff_users.password_hash is not null`,
  deactivatedAt: staffUsers.deactivatedAt,
  createdAt: staffUsers.createdAt,
  invitationExpiresAt: openInvitationExpiry,
};
export type StaffListRow = Pick<
  StaffRow,
  'id' | 'landlordId' | 'email' | 'name' | 'role' | 'locale' | 'phone' | 'deactivatedAt' | 'createdAt'
> & {
  hasPassword: boolean;
  invitationExpiresAt: Date | null;
};

/** The state, as SQL, so the list filter and the shown status never disagree. */
function statusWhere(status: StaffStatus) {
  if (status === 'deactivated') return isNotNull(staffUsers.deactivatedAt);
  if (status === 'invited') return and(isNull(staffUsers.deactivatedAt), isNull(staffUsers.passwordHash));
  return and(isNull(staffUsers.deactivatedAt), isNotNull(staffUsers.passwordHash));
}

const staffKeys = keyset(
  [
    { expr: staffUsers.name, type: 'text' },
    { expr: staffUsers.id, type: 'uuid' },
  ],
  'asc',
);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The console's staff list in name order, served by staff_users_landlord_name_idx (decision 9T3:
 * a landlord has tens of staff, so the search is a filter over that index, no trigram index).
 */
export async function listStaff(
  db: DbOrTx,
  p: {
    landlordId: string;
    q?: string | undefined;
    role?: StaffRow['role'] | undefined;
    status?: StaffStatus | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const pos = staffKeys.decode(p.cursor);
  const where = and(
    eq(staffUsers.landlordId, p.landlordId),
    p.q ? or(ilike(staffUsers.name, `%${escapeLike(p.q)}%`), ilike(staffUsers.email, `%${escapeLike(p.q)}%`)) : undefined,
    p.role ? eq(staffUsers.role, p.role) : undefined,
    p.status ? statusWhere(p.status) : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select({ row: columns, ...staffKeys.select })
      .from(staffUsers)
      .where(and(where, staffKeys.where(pos)))
      .orderBy(...staffKeys.orderBy(pos))
      .limit(p.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(staffUsers)
        .where(where)
        .orderBy(...staffKeys.orderBy()),
    ),
  ]);
  const paged = staffKeys.page(rows, p.limit, pos);
  return { ...paged, items: paged.items.map((r) => r.row as StaffListRow), ...count };
}

export async function findStaffUser(db: DbOrTx, landlordId: string, staffId: string, lock = false) {
  const query = db
    .select(columns)
    .from(staffUsers)
    .where(and(eq(staffUsers.landlordId, landlordId), eq(staffUsers.id, staffId)));
  const [row] = lock ? await query.for('update', { of: staffUsers }) : await query;
  return row as StaffListRow | undefined;
}

export async function insertStaffUser(
  db: DbOrTx,
  values: { landlordId: string; email: string; name: string; role: StaffRow['role']; locale: StaffRow['locale'] },
) {
  const [row] = await db.insert(staffUsers).values(values).returning({ id: staffUsers.id });
  return row!;
}

export async function updateStaffUser(
  db: DbOrTx,
  landlordId: string,
  staffId: string,
  patch: Partial<Pick<StaffRow, 'role' | 'name' | 'phone' | 'deactivatedAt' | 'passwordHash'>>,
) {
  await db
    .update(staffUsers)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(staffUsers.landlordId, landlordId), eq(staffUsers.id, staffId)));
}

/**
 * Locks the landlord's active admins in id order and answers their ids. Called FIRST in a change
 * that could remove an admin, so concurrent demotions and deactivations queue in one order (no
 * deadlock) and two admins removing each other at once cannot both pass the last-admin check:
 * the second re-reads the rows after the first commits.
 */
export async function lockActiveAdmins(db: DbOrTx, landlordId: string) {
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.landlordId, landlordId),
        eq(staffUsers.role, 'admin'),
        isNull(staffUsers.deactivatedAt),
        isNotNull(staffUsers.passwordHash),
      ),
    )
    .orderBy(staffUsers.id)
    .for('update');
  return rows.map((r) => r.id);
}

// --- invitations ---

/** Revokes any open link of the person, then stores the new one (the partial unique index keeps one open). */
export async function replaceInvitation(
  db: DbOrTx,
  values: { landlordId: string; staffUserId: string; tokenHash: string; expiresAt: Date },
) {
  await revokeOpenInvitations(db, values.landlordId, values.staffUserId);
  await db.insert(staffInvitations).values(values);
}

export async function revokeOpenInvitations(db: DbOrTx, landlordId: string, staffUserId: string) {
  const rows = await db
    .update(staffInvitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(staffInvitations.landlordId, landlordId),
        eq(staffInvitations.staffUserId, staffUserId),
        isNull(staffInvitations.usedAt),
        isNull(staffInvitations.revokedAt),
      ),
    )
    .returning({ id: staffInvitations.id });
  return rows.length;
}

export async function findInvitationByHash(db: DbOrTx, tokenHash: string, lock = false) {
  const query = db
    .select({
      invitation: staffInvitations,
      user: {
        id: staffUsers.id,
        email: staffUsers.email,
        name: staffUsers.name,
        locale: staffUsers.locale,
        deactivatedAt: staffUsers.deactivatedAt,
        hasPassword: sql<boolean>`${staffUsers.passwordHash} is not null`,
      },
      landlord: {
        id: landlords.id,
        name: landlords.name,
        passwordPolicy: landlords.passwordPolicy,
        defaultLocale: landlords.defaultLocale,
      },
    })
    .from(staffInvitations)
    .innerJoin(staffUsers, and(eq(staffUsers.landlordId, staffInvitations.landlordId), eq(staffUsers.id, staffInvitations.staffUserId)))
    .innerJoin(landlords, eq(landlords.id, staffInvitations.landlordId))
    .where(eq(staffInvitations.tokenHash, tokenHash));
  const [row] = lock ? await query.for('update', { of: [staffInvitations, staffUsers] }) : await query;
  return row;
}

export async function markInvitationUsed(db: DbOrTx, invitationId: string) {
  await db.update(staffInvitations).set({ usedAt: new Date() }).where(eq(staffInvitations.id, invitationId));
}

/** The landlord's active admins with a password, for notices to admins (issue 10: a disabled webhook). */
export async function activeAdminRecipients(db: DbOrTx, landlordId: string) {
  return db
    .select({ email: staffUsers.email, locale: staffUsers.locale })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.landlordId, landlordId),
        eq(staffUsers.role, 'admin'),
        isNull(staffUsers.deactivatedAt),
        isNotNull(staffUsers.passwordHash),
      ),
    )
    .orderBy(staffUsers.id);
}
