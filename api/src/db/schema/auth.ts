import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customerContacts, customers } from './customers';
import { landlords } from './landlords';
import { threads } from './messaging';

/**
 * One row per refresh token. Rotation marks the old row `rotated_at` and inserts a new one in
 * the same family; presenting a rotated token again revokes the whole family (theft signal).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id').notNull(),
    audience: text('audience', { enum: ['staff', 'portal'] }).notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Seed 002: "remember this device" — a long-lived session instead of one that ends with the browser. */
    remember: boolean('remember').notNull().default(false),
    device: text('device').notNull().default(''),
    /** Set for the whole family once the person signed in or stepped up with e-ID. */
    strongAuthAt: timestamp('strong_auth_at', { withTimezone: true }),
  },
  (t) => [
    index('sessions_family_idx').on(t.familyId),
    index('sessions_user_idx').on(t.audience, t.userId),
    // A family has at most one live row (rotation retires the old one in the same transaction), so the
    // check every authenticated request makes — is this family still signed in? — is one unique-index probe.
    uniqueIndex('sessions_live_family_idx').on(t.familyId).where(sql`${t.rotatedAt} is null and ${t.revokedAt} is null`),
  ],
);

export const passwordResets = pgTable('password_resets', {
  id: uuid('id').primaryKey().defaultRandom(),
  audience: text('audience', { enum: ['staff', 'portal'] }).notNull(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    customerId: uuid('customer_id').notNull(),
    /** Set when the invitation went to a contact person on record; null for one made in the portal. */
    contactId: uuid('contact_id'),
    email: text('email').notNull(),
    name: text('name'),
    /** The role the person gets; null = main administrator if first, else user. */
    role: text('role', { enum: ['main_admin', 'admin', 'user'] }),
    tokenHash: text('token_hash').notNull().unique(),
    /** The thread whose message caused the invitation; accepting lands the person there. */
    threadId: uuid('thread_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('invitations_contact_idx').on(t.contactId),
    index('invitations_customer_idx').on(t.customerId),
    foreignKey({
      name: 'invitations_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
    foreignKey({
      name: 'invitations_contact_fk',
      columns: [t.landlordId, t.contactId],
      foreignColumns: [customerContacts.landlordId, customerContacts.id],
    }),
    foreignKey({ name: 'invitations_thread_fk', columns: [t.landlordId, t.threadId], foreignColumns: [threads.landlordId, threads.id] }),
  ],
);

/** Seed 001: a sign-up by identity number, from the first form until the account exists. */
export const signups = pgTable(
  'signups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identityNumber: text('identity_number').notNull(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    customerIds: uuid('customer_ids').array().notNull(),
    clientIp: text('client_ip').notNull(),
    channel: text('channel', { enum: ['email', 'sms'] }),
    codeHash: text('code_hash'),
    tokenHash: text('token_hash'),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }),
    codesSent: integer('codes_sent').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signups_identity_idx').on(t.identityNumber, t.createdAt), index('signups_ip_idx').on(t.clientIp, t.createdAt)],
);

export const emailChanges = pgTable('email_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  portalUserId: uuid('portal_user_id').notNull(),
  newEmail: text('new_email').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One e-ID round trip: the secrets between start and callback, then the verified identity. */
export const eidRequests = pgTable('eid_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  state: text('state').notNull().unique(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  bindingHash: text('binding_hash').notNull(),
  method: text('method', { enum: ['se-bankid', 'dk-mitid'] }).notNull(),
  intent: text('intent', { enum: ['login', 'step-up', 'link'] }).notNull(),
  portalUserId: uuid('portal_user_id'),
  sessionFamilyId: uuid('session_family_id'),
  returnTo: text('return_to'),
  identityNumber: text('identity_number'),
  identityName: text('identity_name'),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
