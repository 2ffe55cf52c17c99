import { DOCUMENT_CATEGORIES, HELP_CATEGORIES, NOTICE_KINDS, POST_CATEGORIES } from '@portico/shared/contracts/content';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { landlords } from './landlords';
import { leases } from './leases';
import { properties } from './properties';
import { staffUsers } from './staff';

/**
 * The portal's content (issue 12): operational notices, news and bulletin posts, help articles,
 * documents and each property's team. Bodies are Markdown as staff typed it (`body`) beside the
 * sanitised HTML rendered from it when it was saved (`body_html`, api/src/markdown.ts): the portal
 * only ever receives the latter.
 */

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Driftsinformation (seed 002): a disruption or planned work at some properties, or at all of them. */
export const operationalNotices = pgTable(
  'operational_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    /** Urgent notices also go out by e-mail/SMS to the affected tenants (their `notices` preference). */
    urgent: boolean('urgent').notNull().default(false),
    /** Every property of the landlord; otherwise the rows in operational_notice_properties. */
    allProperties: boolean('all_properties').notNull().default(false),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** Open-ended when null (until resolved). */
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** Resolved early by staff; a notice past `ends_at` is resolved by its dates alone. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The console's list (newest start first) and the portal's "current and planned" scan.
    index('operational_notices_landlord_starts_idx').on(t.landlordId, t.startsAt, t.id),
    unique('operational_notices_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'operational_notices_created_by_fk',
      columns: [t.landlordId, t.createdBy],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
  ],
);

export const operationalNoticeProperties = pgTable(
  'operational_notice_properties',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    noticeId: uuid('notice_id').notNull(),
    propertyId: uuid('property_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.propertyId] }),
    // A tenant's notices: by the properties they rent in.
    index('operational_notice_properties_property_idx').on(t.landlordId, t.propertyId, t.noticeId),
    foreignKey({
      name: 'operational_notice_properties_notice_fk',
      columns: [t.landlordId, t.noticeId],
      foreignColumns: [operationalNotices.landlordId, operationalNotices.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'operational_notice_properties_property_fk',
      columns: [t.landlordId, t.propertyId],
      foreignColumns: [properties.landlordId, properties.id],
    }),
  ],
);

/** A notice's history as tenants and staff see it: published, each update, resolved. */
export const operationalNoticeUpdates = pgTable(
  'operational_notice_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    noticeId: uuid('notice_id').notNull(),
    kind: text('kind', { enum: ['published', 'updated', 'resolved'] }).notNull(),
    body: text('body').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('operational_notice_updates_notice_idx').on(t.landlordId, t.noticeId, t.createdAt),
    foreignKey({
      name: 'operational_notice_updates_notice_fk',
      columns: [t.landlordId, t.noticeId],
      foreignColumns: [operationalNotices.landlordId, operationalNotices.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'operational_notice_updates_created_by_fk',
      columns: [t.landlordId, t.createdBy],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
  ],
);

/** News, bulletin-board posts and area information (seeds 002, 004): read-only for tenants. */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    category: text('category', { enum: POST_CATEGORIES }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    pinned: boolean('pinned').notNull().default(false),
    allProperties: boolean('all_properties').notNull().default(true),
    publishFrom: timestamp('publish_from', { withTimezone: true }).notNull(),
    /** Shown until then; null = until removed. */
    publishUntil: timestamp('publish_until', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The portal's feed (pinned first, newest first) and the console's list.
    index('posts_landlord_feed_idx').on(t.landlordId, t.pinned, t.publishFrom, t.id),
    index('posts_landlord_category_idx').on(t.landlordId, t.category, t.publishFrom, t.id),
    // POSTS: the console's list without a category (newest first), and the portal's feed of one category (pinned first).
    index('posts_landlord_published_idx').on(t.landlordId, t.publishFrom, t.id),
    index('posts_landlord_category_feed_idx').on(t.landlordId, t.category, t.pinned, t.publishFrom, t.id),
    unique('posts_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'posts_created_by_fk',
      columns: [t.landlordId, t.createdBy],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
  ],
);

export const postProperties = pgTable(
  'post_properties',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    postId: uuid('post_id').notNull(),
    propertyId: uuid('property_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.propertyId] }),
    index('post_properties_property_idx').on(t.landlordId, t.propertyId, t.postId),
    foreignKey({
      name: 'post_properties_post_fk',
      columns: [t.landlordId, t.postId],
      foreignColumns: [posts.landlordId, posts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'post_properties_property_fk',
      columns: [t.landlordId, t.propertyId],
      foreignColumns: [properties.landlordId, properties.id],
    }),
  ],
);

/**
 * A help-centre article in one language (seed 002). The same article in another language is another
 * row with the same `article_key`. `search` is the full-text vector in the row's own language
 * (swedish / danish / english configuration), kept by Postgres.
 */
export const helpArticles = pgTable(
  'help_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    /** Ties the languages of one article together; the default articles use their catalogue key. */
    articleKey: text('article_key').notNull(),
    locale: text('locale', { enum: ['sv', 'da', 'en'] }).notNull(),
    category: text('category', { enum: HELP_CATEGORIES }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    position: integer('position').notNull().default(0),
    published: boolean('published').notNull().default(true),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector(case locale when 'sv' then 'swedish'::regconfig when 'da' then 'danish'::regconfig else 'english'::regconfig end, coalesce(title, '')), 'A') || setweight(to_tsvector(case locale when 'sv' then 'swedish'::regconfig when 'da' then 'danish'::regconfig else 'english'::regconfig end, coalesce(body, '')), 'B')`,
      ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('help_articles_key_locale_key').on(t.landlordId, t.articleKey, t.locale),
    // The portal's list by category in a language, and the console's list.
    index('help_articles_landlord_locale_idx').on(t.landlordId, t.locale, t.category, t.position, t.id),
    index('help_articles_search_idx').using('gin', t.search),
    unique('help_articles_landlord_id_key').on(t.landlordId, t.id),
  ],
);

/**
 * A file staff publish for one customer, one lease or a whole property (seed 004). The file is an
 * attachment claimed by the document (`attachments.document_id`).
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    scope: text('scope', { enum: ['customer', 'lease', 'property'] }).notNull(),
    customerId: uuid('customer_id'),
    leaseId: uuid('lease_id'),
    propertyId: uuid('property_id'),
    category: text('category', { enum: DOCUMENT_CATEGORIES }).notNull(),
    title: text('title').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_customer_idx').on(t.landlordId, t.customerId, t.createdAt, t.id).where(sql`customer_id is not null`),
    index('documents_lease_idx').on(t.landlordId, t.leaseId, t.createdAt, t.id).where(sql`lease_id is not null`),
    index('documents_property_idx').on(t.landlordId, t.propertyId, t.createdAt, t.id).where(sql`property_id is not null`),
    index('documents_landlord_created_idx').on(t.landlordId, t.createdAt, t.id),
    // Exactly the target its scope names.
    check(
      'documents_scope_target',
      sql`(scope = 'customer' and customer_id is not null and lease_id is null and property_id is null) or (scope = 'lease' and lease_id is not null and customer_id is null and property_id is null) or (scope = 'property' and property_id is not null and customer_id is null and lease_id is null)`,
    ),
    unique('documents_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'documents_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
    foreignKey({ name: 'documents_lease_fk', columns: [t.landlordId, t.leaseId], foreignColumns: [leases.landlordId, leases.id] }),
    foreignKey({
      name: 'documents_property_fk',
      columns: [t.landlordId, t.propertyId],
      foreignColumns: [properties.landlordId, properties.id],
    }),
    foreignKey({
      name: 'documents_created_by_fk',
      columns: [t.landlordId, t.createdBy],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
  ],
);

/** Seed 002: "hela teamet finns under fastigheter" — the staff tenants of a property can reach, in order. */
export const propertyTeam = pgTable(
  'property_team',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    propertyId: uuid('property_id').notNull(),
    staffUserId: uuid('staff_user_id').notNull(),
    /** What they do here ("Fastighetsskötare", "Tekniker"); '' = their role's name. */
    title: text('title').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.propertyId, t.staffUserId] }),
    index('property_team_staff_idx').on(t.landlordId, t.staffUserId),
    foreignKey({
      name: 'property_team_property_fk',
      columns: [t.landlordId, t.propertyId],
      foreignColumns: [properties.landlordId, properties.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'property_team_staff_fk',
      columns: [t.landlordId, t.staffUserId],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }).onDelete('cascade'),
  ],
);
