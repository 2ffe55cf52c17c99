import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers, leases } from './customers';
import { landlords } from './landlords';

export const threads = pgTable(
  'threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    leaseId: uuid('lease_id')
      .notNull()
      .references(() => leases.id),
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
    index('threads_landlord_last_idx').on(t.landlordId, t.lastMessageAt),
    index('threads_customer_last_idx').on(t.customerId, t.lastMessageAt),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id),
    authorKind: text('author_kind', { enum: ['staff', 'tenant'] }).notNull(),
    authorId: uuid('author_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('messages_thread_idx').on(t.threadId, t.createdAt)],
);

/** An uploaded file; `message_id` is null until a message claims it. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    messageId: uuid('message_id').references(() => messages.id),
    /** Or claimed by a case event or a work order (service cases). */
    caseEventId: uuid('case_event_id'),
    workOrderId: uuid('work_order_id'),
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
  ],
);

export const threadReads = pgTable(
  'thread_reads',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id),
    readerKind: text('reader_kind', { enum: ['staff', 'tenant'] }).notNull(),
    readerId: uuid('reader_id').notNull(),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.readerKind, t.readerId] })],
);
