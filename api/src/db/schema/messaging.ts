import { sql } from 'drizzle-orm';
import { bigint, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { caseEvents, workOrders } from './cases';
import { documents, posts } from './content';
import { customers } from './customers';
import { landlords } from './landlords';
import { leases } from './leases';
import { properties } from './properties';
import { staffUsers } from './staff';

export const threads = pgTable(
  'threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    customerId: uuid('customer_id').notNull(),
    leaseId: uuid('lease_id').notNull(),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Kept on the thread so that lists need no aggregate over messages.
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    lastMessagePreview: text('last_message_preview').notNull().default(''),
    lastAuthorKind: text('last_author_kind', { enum: ['staff', 'tenant'] }).notNull(),
    lastStaffMessageAt: timestamp('last_staff_message_at', { withTimezone: true }),
    lastTenantMessageAt: timestamp('last_tenant_message_at', { withTimezone: true }),
    messageCount: integer('message_count').notNull().default(0),
  },
  (t) => [
    // One partial index per inbox shape, each in the lists' order (last_message_at, id) desc
    // (decision 8M1). Staff inbox = the tenant side has written; staff sent = staff have written.
    index('threads_staff_inbox_idx').on(t.landlordId, t.lastMessageAt, t.id).where(sql`last_tenant_message_at is not null`),
    index('threads_staff_sent_idx').on(t.landlordId, t.lastMessageAt, t.id).where(sql`last_staff_message_at is not null`),
    // Per customer: the portal's inbox (staff wrote) and sent (tenant wrote), and the console's
    // lists filtered by customer (the same two predicates the other way round).
    index('threads_customer_staff_wrote_idx').on(t.customerId, t.lastMessageAt, t.id).where(sql`last_staff_message_at is not null`),
    index('threads_customer_tenant_wrote_idx').on(t.customerId, t.lastMessageAt, t.id).where(sql`last_tenant_message_at is not null`),
    // Filtered by lease (portal lease picker, console): a lease's threads are few, the box is a filter.
    index('threads_lease_last_idx').on(t.leaseId, t.lastMessageAt, t.id),
    unique('threads_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'threads_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
    foreignKey({ name: 'threads_lease_fk', columns: [t.landlordId, t.leaseId], foreignColumns: [leases.landlordId, leases.id] }),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    threadId: uuid('thread_id').notNull(),
    authorKind: text('author_kind', { enum: ['staff', 'tenant'] }).notNull(),
    authorId: uuid('author_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('messages_thread_idx').on(t.threadId, t.createdAt),
    unique('messages_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({ name: 'messages_thread_fk', columns: [t.landlordId, t.threadId], foreignColumns: [threads.landlordId, threads.id] }),
  ],
);

/** An uploaded file; `message_id` is null until a message claims it. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    messageId: uuid('message_id'),
    /** Or claimed by a case event or a work order (service cases). */
    caseEventId: uuid('case_event_id'),
    workOrderId: uuid('work_order_id'),
    /** Or an image of a property (issue 9; shown to its tenants from issue 12). */
    propertyId: uuid('property_id'),
    /** Or a lease's signed PDF (the newest one claimed is the lease's document). */
    leaseId: uuid('lease_id'),
    /** Or a news/bulletin post's image, or a document's file (issue 12). */
    postId: uuid('post_id'),
    documentId: uuid('document_id'),
    uploaderKind: text('uploader_kind', { enum: ['staff', 'tenant'] }).notNull(),
    uploaderId: uuid('uploader_id').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_message_idx').on(t.messageId),
    index('attachments_case_event_idx').on(t.caseEventId),
    index('attachments_work_order_idx').on(t.workOrderId),
    index('attachments_property_idx').on(t.landlordId, t.propertyId),
    index('attachments_lease_idx').on(t.leaseId),
    index('attachments_post_idx').on(t.landlordId, t.postId).where(sql`post_id is not null`),
    index('attachments_document_idx').on(t.landlordId, t.documentId).where(sql`document_id is not null`),
    unique('attachments_landlord_id_key').on(t.landlordId, t.id),
    foreignKey({
      name: 'attachments_message_fk',
      columns: [t.landlordId, t.messageId],
      foreignColumns: [messages.landlordId, messages.id],
    }),
    foreignKey({
      name: 'attachments_case_event_fk',
      columns: [t.landlordId, t.caseEventId],
      foreignColumns: [caseEvents.landlordId, caseEvents.id],
    }),
    foreignKey({
      name: 'attachments_work_order_fk',
      columns: [t.landlordId, t.workOrderId],
      foreignColumns: [workOrders.landlordId, workOrders.id],
    }),
    foreignKey({
      name: 'attachments_property_fk',
      columns: [t.landlordId, t.propertyId],
      foreignColumns: [properties.landlordId, properties.id],
    }),
    foreignKey({ name: 'attachments_post_fk', columns: [t.landlordId, t.postId], foreignColumns: [posts.landlordId, posts.id] }),
    foreignKey({
      name: 'attachments_document_fk',
      columns: [t.landlordId, t.documentId],
      foreignColumns: [documents.landlordId, documents.id],
    }),
    foreignKey({ name: 'attachments_lease_fk', columns: [t.landlordId, t.leaseId], foreignColumns: [leases.landlordId, leases.id] }),
  ],
);

export const threadReads = pgTable(
  'thread_reads',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    threadId: uuid('thread_id').notNull(),
    readerKind: text('reader_kind', { enum: ['staff', 'tenant'] }).notNull(),
    readerId: uuid('reader_id').notNull(),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.readerKind, t.readerId] }),
    foreignKey({ name: 'thread_reads_thread_fk', columns: [t.landlordId, t.threadId], foreignColumns: [threads.landlordId, threads.id] }),
  ],
);

/**
 * Derived (decision 8M2): per landlord, how many threads are in the staff inbox (a tenant has
 * written). Kept by `insertMessage` in the same transaction; `bench/derive/messaging.sql` rebuilds it.
 */
export const staffInboxCounts = pgTable('staff_inbox_counts', {
  landlordId: uuid('landlord_id')
    .primaryKey()
    .references(() => landlords.id),
  threads: integer('threads').notNull().default(0),
});

/**
 * Derived (decision 8M2): per staff reader, how many inbox threads they have read since the
 * tenant's last message. Unread = staff_inbox_counts.threads - caught_up, so the count costs two
 * primary-key reads however many threads there are. Kept by `markRead` and `insertMessage`, each
 * holding the thread's row lock, so the thread's reads never change under them.
 */
export const staffReadCounts = pgTable(
  'staff_read_counts',
  {
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    staffUserId: uuid('staff_user_id').notNull(),
    caughtUp: integer('caught_up').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.landlordId, t.staffUserId] }),
    foreignKey({
      name: 'staff_read_counts_staff_fk',
      columns: [t.landlordId, t.staffUserId],
      foreignColumns: [staffUsers.landlordId, staffUsers.id],
    }),
  ],
);
