import {
  CURRENCIES,
  DUE_RULES,
  INVOICE_KINDS,
  MANDATE_KINDS,
  MANDATE_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_SOURCES,
  STORED_INVOICE_STATUSES,
} from '@portico/shared/contracts/billing-core';
import { RENT_LINE_KINDS } from '@portico/shared/contracts/leases';
import type { PaymentImportTally } from '@portico/shared/contracts/payments';
import { OCR_CONTROLS } from '@portico/shared/formats/ocr';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { landlords } from './landlords';
import { leases } from './leases';
import { properties } from './properties';

/**
 * Issue 11: a landlord's billing settings (one row per landlord, created on first use with the
 * country's defaults). OCR rule per STANDARDS §1.2; due date rule; reminders; the scheduled run.
 */
export const billingSettings = pgTable('billing_settings', {
  landlordId: uuid('landlord_id')
    .primaryKey()
    .references(() => landlords.id),
  currency: text('currency', { enum: CURRENCIES }).notNull(),
  ocrControl: text('ocr_control', { enum: OCR_CONTROLS }).notNull().default('length'),
  /** For `fixed`: the one or two lengths in the bankgiro agreement. */
  ocrFixedLengths: integer('ocr_fixed_lengths').array().notNull().default(sql`'{}'::integer[]`),
  dueRule: text('due_rule', { enum: DUE_RULES }).notNull(),
  /** Days after the due date before the reminder e-mail; null = no reminders. */
  reminderDays: integer('reminder_days'),
  /** Day of the month (1–28) the scheduled run bills the next period; null = runs from the console only. */
  scheduleDay: integer('schedule_day'),
  attachPdf: boolean('attach_pdf').notNull().default(true),
  /** The next number in the landlord's one gapless series (notices, charges and credit notes). */
  nextNumber: bigint('next_number', { mode: 'number' }).notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A billing run: one landlord, one period; its notices point back to it. */
export const billingRuns = pgTable(
  'billing_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    /** First day of the month billed. */
    periodStart: date('period_start').notNull(),
    source: text('source', { enum: ['console', 'api', 'schedule'] }).notNull(),
    /** Staff user or API key creator; null for the schedule. */
    createdBy: uuid('created_by'),
    createdCount: integer('created_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    /** The numbers the run gave out (a contiguous range of the series); null when it created nothing. */
    firstSeq: bigint('first_seq', { mode: 'number' }),
    lastSeq: bigint('last_seq', { mode: 'number' }),
    /** Sum of the notices' totals per currency, as created. */
    totals: jsonb('totals').$type<{ currency: (typeof CURRENCIES)[number]; totalMinor: number }[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('billing_runs_landlord_id_key').on(t.landlordId, t.id),
    index('billing_runs_landlord_idx').on(t.landlordId, t.createdAt, t.id),
  ],
);

/**
 * Rent notices (avier, opkrævninger), single charges and credit notes. `number` is the landlord's
 * gapless sequence (billing_settings.next_number, taken in the inserting transaction). Amounts are
 * minor units; `status` is stored without `overdue`, which reads derive from the due date.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    customerId: uuid('customer_id').notNull(),
    leaseId: uuid('lease_id').notNull(),
    /** The lease's main unit's property when issued: the staff list's property filter. */
    propertyId: uuid('property_id'),
    kind: text('kind', { enum: INVOICE_KINDS }).notNull().default('notice'),
    number: text('number').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** `YYYY-MM` of the first month billed (kept for the first cut's readers); see period_start/end. */
    period: text('period').notNull(),
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    issueDate: date('issue_date').notNull().default(sql`current_date`),
    subtotalMinor: bigint('subtotal_minor', { mode: 'number' }).notNull().default(0),
    vatMinor: bigint('vat_minor', { mode: 'number' }).notNull().default(0),
    /** Negative for a credit note. */
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    /** Payments allocated to it. */
    paidMinor: bigint('paid_minor', { mode: 'number' }).notNull().default(0),
    /** Credit notes against it (a positive amount). */
    creditedMinor: bigint('credited_minor', { mode: 'number' }).notNull().default(0),
    currency: text('currency', { enum: CURRENCIES }).notNull(),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: STORED_INVOICE_STATUSES }).notNull(),
    paidAt: date('paid_at'),
    /** OCR digits (SE) or the +71 payment id (DK); unique per landlord. Null on credit notes. */
    reference: text('reference'),
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }),
    billingRunId: uuid('billing_run_id'),
    /** A credit note's invoice. */
    creditsInvoiceId: uuid('credits_invoice_id'),
    /** Set when the lease had an active mandate at issue or got one before the due date. */
    mandateId: uuid('mandate_id'),
    externalId: text('external_id'),
    /** A credit note's reason, as finance wrote it. */
    reason: text('reason'),
    /** The rendered PDF in storage; null until the worker has rendered it. */
    pdfKey: text('pdf_key'),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The portal's list in its keyset order (due_date, number, id); unpaid-only is a filter on it.
    index('invoices_customer_due_idx').on(t.customerId, t.dueDate, t.number, t.id),
    unique('invoices_landlord_id_key').on(t.landlordId, t.id),
    uniqueIndex('invoices_landlord_seq_key').on(t.landlordId, t.seq),
    uniqueIndex('invoices_landlord_reference_key').on(t.landlordId, t.reference).where(sql`${t.reference} is not null`),
    uniqueIndex('invoices_landlord_external_id_key').on(t.landlordId, t.externalId).where(sql`${t.externalId} is not null`),
    // A period is billed once per lease: re-running a billing run creates nothing twice.
    uniqueIndex('invoices_lease_period_key').on(t.landlordId, t.leaseId, t.periodStart).where(sql`${t.kind} = 'notice'`),
    // Staff lists (newest number first) by filter; the aged-debt view and reminders read open by due date.
    index('invoices_landlord_customer_seq_idx').on(t.landlordId, t.customerId, t.seq),
    index('invoices_landlord_property_seq_idx').on(t.landlordId, t.propertyId, t.seq),
    index('invoices_landlord_period_seq_idx').on(t.landlordId, t.periodStart, t.seq),
    index('invoices_landlord_status_seq_idx').on(t.landlordId, t.status, t.seq),
    index('invoices_open_due_idx').on(t.landlordId, t.dueDate, t.id).where(sql`${t.status} in ('unpaid', 'partly_paid')`),
    index('invoices_lease_idx').on(t.landlordId, t.leaseId, t.seq),
    // Direct-debit collections (MANDATE): open notices with a mandate, by due date.
    index('invoices_mandate_open_due_idx')
      .on(t.landlordId, t.dueDate, t.id)
      .where(sql`${t.mandateId} is not null and ${t.status} in ('unpaid', 'partly_paid')`),

    // Notice documents (DOCS): the worker's queues are states of the row, each read by a partial index.
    index('invoices_pdf_pending_idx').on(t.createdAt, t.id).where(sql`${t.pdfKey} is null`),
    index('invoices_email_pending_idx').on(t.createdAt, t.id).where(sql`${t.emailedAt} is null`),
    index('invoices_reminder_pending_idx')
      .on(t.dueDate, t.id)
      .where(sql`${t.status} in ('unpaid', 'partly_paid') and ${t.remindedAt} is null and ${t.mandateId} is null`),

    // Issue 11 (RUN): the staff list's kind filter in its order.
    index('invoices_landlord_kind_seq_idx').on(t.landlordId, t.kind, t.seq),
    // The `overdue` filter in the list's order: open notices by number, the due date read from the index.
    index('invoices_open_seq_idx').on(t.landlordId, t.seq, t.dueDate).where(sql`${t.status} in ('unpaid', 'partly_paid')`),
    foreignKey({
      name: 'invoices_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
    foreignKey({ name: 'invoices_lease_fk', columns: [t.landlordId, t.leaseId], foreignColumns: [leases.landlordId, leases.id] }),
    foreignKey({
      name: 'invoices_property_fk',
      columns: [t.landlordId, t.propertyId],
      foreignColumns: [properties.landlordId, properties.id],
    }),
    foreignKey({
      name: 'invoices_run_fk',
      columns: [t.landlordId, t.billingRunId],
      foreignColumns: [billingRuns.landlordId, billingRuns.id],
    }),
    foreignKey({ name: 'invoices_credits_fk', columns: [t.landlordId, t.creditsInvoiceId], foreignColumns: [t.landlordId, t.id] }),
    foreignKey({ name: 'invoices_mandate_fk', columns: [t.landlordId, t.mandateId], foreignColumns: [mandates.landlordId, mandates.id] }),
  ],
);

/** A notice's lines: net amount, VAT rate and VAT amount (minor units, negative on credit notes). */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    invoiceId: uuid('invoice_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: RENT_LINE_KINDS }).notNull(),
    description: text('description').notNull().default(''),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    vatRate: integer('vat_rate').notNull().default(0),
    vatMinor: bigint('vat_minor', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('invoice_lines_invoice_idx').on(t.invoiceId, t.position),
    foreignKey({
      name: 'invoice_lines_invoice_fk',
      columns: [t.landlordId, t.invoiceId],
      foreignColumns: [invoices.landlordId, invoices.id],
    }),
  ],
);

/** A BgMax file (or another format later) as imported; a file is imported once (date + sequence). */
export const paymentImports = pgTable(
  'payment_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    format: text('format', { enum: ['bgmax'] }).notNull(),
    /** The file's own creation stamp (BgMax TK01 positions 25–44, as written). */
    fileStamp: text('file_stamp').notNull(),
    payeeAccount: text('payee_account').notNull(),
    sha256: text('sha256').notNull(),
    paymentCount: integer('payment_count').notNull(),
    matchedCount: integer('matched_count').notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    /** Issue 11 PAY: the file's currency, its deposits' serial numbers, and what the import did per outcome. */
    currency: text('currency', { enum: CURRENCIES }).notNull().default('SEK'),
    depositSerials: jsonb('deposit_serials').$type<string[]>().notNull().default([]),
    tally: jsonb('tally').$type<PaymentImportTally>(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('payment_imports_landlord_id_key').on(t.landlordId, t.id),
    uniqueIndex('payment_imports_file_key').on(t.landlordId, t.payeeAccount, t.fileStamp),
    uniqueIndex('payment_imports_sha_key').on(t.landlordId, t.sha256),
    index('payment_imports_landlord_idx').on(t.landlordId, t.createdAt, t.id),
  ],
);

/**
 * One file of new mandates handed to the bank (Autogiro medgivande file, Betalingsservice CSV),
 * kept so finance can download it again (decision 11M4).
 */
export const mandateExports = pgTable(
  'mandate_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    kind: text('kind', { enum: MANDATE_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    content: text('content').notNull(),
    mandateCount: integer('mandate_count').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('mandate_exports_landlord_id_key').on(t.landlordId, t.id),
    index('mandate_exports_landlord_idx').on(t.landlordId, t.createdAt),
  ],
);

/**
 * Direct-debit mandates (STANDARDS §5): Autogiro (SE) or Betalingsservice (DK), per lease. Created
 * `pending` by a tenant main administrator; finance exports and activates them.
 */
export const mandates = pgTable(
  'mandates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    customerId: uuid('customer_id').notNull(),
    leaseId: uuid('lease_id').notNull(),
    kind: text('kind', { enum: MANDATE_KINDS }).notNull(),
    status: text('status', { enum: MANDATE_STATUSES }).notNull().default('pending'),
    /** Autogiro betalarnummer / Betalingsservice kundenummer: chosen by the landlord. */
    payerNumber: text('payer_number').notNull(),
    /** Clearing number (SE) or reg. no. (DK). */
    bankCode: text('bank_code').notNull(),
    bankAccount: text('bank_account').notNull(),
    /** Personnummer / organisationsnummer / CPR / CVR of the account holder, normalised digits. */
    holderId: text('holder_id').notNull(),
    holderName: text('holder_name').notNull(),
    termsVersion: text('terms_version').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
    acceptedBy: uuid('accepted_by').notNull(),
    exportedAt: timestamp('exported_at', { withTimezone: true }),
    /** The file it went to the bank in (mandate_exports). */
    exportId: uuid('export_id'),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by', { enum: ['tenant', 'staff'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('mandates_landlord_id_key').on(t.landlordId, t.id),
    // One live mandate per lease.
    uniqueIndex('mandates_live_lease_key').on(t.landlordId, t.leaseId).where(sql`${t.status} in ('pending', 'active')`),
    index('mandates_landlord_status_idx').on(t.landlordId, t.status, t.createdAt, t.id),
    index('mandates_customer_idx').on(t.landlordId, t.customerId, t.createdAt),
    // The staff list unfiltered (newest first) and the export's pick of pending, not exported rows.
    uniqueIndex('mandates_live_payer_key').on(t.landlordId, t.payerNumber).where(sql`${t.status} in ('pending', 'active')`),
    index('mandates_landlord_created_idx').on(t.landlordId, t.createdAt, t.id),
    index('mandates_export_pick_idx').on(t.landlordId, t.kind, t.createdAt).where(sql`${t.status} = 'pending' and ${t.exportedAt} is null`),
    foreignKey({
      name: 'mandates_export_fk',
      columns: [t.landlordId, t.exportId],
      foreignColumns: [mandateExports.landlordId, mandateExports.id],
    }),
    foreignKey({
      name: 'mandates_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
    foreignKey({ name: 'mandates_lease_fk', columns: [t.landlordId, t.leaseId], foreignColumns: [leases.landlordId, leases.id] }),
  ],
);

/**
 * Incoming payments: from a BgMax file, registered by hand, or a confirmed direct-debit collection.
 * `customer_id` null = unmatched (the finance queue). What is not allocated to notices
 * (`unallocated_minor`) stays as a credit on the customer.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    customerId: uuid('customer_id'),
    source: text('source', { enum: PAYMENT_SOURCES }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    unallocatedMinor: bigint('unallocated_minor', { mode: 'number' }).notNull(),
    currency: text('currency', { enum: CURRENCIES }).notNull(),
    paidOn: date('paid_on').notNull(),
    /** As the payer gave it (OCR, FI id, free text). */
    reference: text('reference'),
    payerName: text('payer_name'),
    payerAccount: text('payer_account'),
    /** The bank's own id of the payment (BgMax BGC serial); unique per landlord so nothing is booked twice. */
    bankSerial: text('bank_serial'),
    importId: uuid('import_id'),
    mandateId: uuid('mandate_id'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('payments_landlord_id_key').on(t.landlordId, t.id),
    uniqueIndex('payments_bank_serial_key').on(t.landlordId, t.bankSerial).where(sql`${t.bankSerial} is not null`),
    index('payments_landlord_paid_idx').on(t.landlordId, t.paidOn, t.id),
    index('payments_customer_idx').on(t.landlordId, t.customerId, t.paidOn, t.id),
    index('payments_unmatched_idx').on(t.landlordId, t.paidOn, t.id).where(sql`${t.customerId} is null`),
    // Issue 11 PAY: the staff list's filters, each newest day first (paid_on desc, id desc).
    index('payments_import_idx').on(t.landlordId, t.importId, t.paidOn, t.id),
    index('payments_source_idx').on(t.landlordId, t.source, t.paidOn, t.id),
    index('payments_matched_idx').on(t.landlordId, t.paidOn, t.id).where(sql`${t.customerId} is not null`),
    foreignKey({
      name: 'payments_customer_fk',
      columns: [t.landlordId, t.customerId],
      foreignColumns: [customers.landlordId, customers.id],
    }),
    foreignKey({
      name: 'payments_import_fk',
      columns: [t.landlordId, t.importId],
      foreignColumns: [paymentImports.landlordId, paymentImports.id],
    }),
    foreignKey({ name: 'payments_mandate_fk', columns: [t.landlordId, t.mandateId], foreignColumns: [mandates.landlordId, mandates.id] }),
  ],
);

/** How much of a payment went to which notice. */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    paymentId: uuid('payment_id').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_allocations_payment_idx').on(t.landlordId, t.paymentId),
    index('payment_allocations_invoice_idx').on(t.landlordId, t.invoiceId),
    foreignKey({
      name: 'payment_allocations_payment_fk',
      columns: [t.landlordId, t.paymentId],
      foreignColumns: [payments.landlordId, payments.id],
    }),
    foreignKey({
      name: 'payment_allocations_invoice_fk',
      columns: [t.landlordId, t.invoiceId],
      foreignColumns: [invoices.landlordId, invoices.id],
    }),
  ],
);
