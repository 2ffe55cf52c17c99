import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { isoDate, oneLine } from '../text';
import { CurrencySchema, PaymentSourceSchema } from './billing-core';

/**
 * Issue 11 §3: incoming payments (BgMax imports, manual registration, direct-debit collections),
 * the unmatched queue, and the customer's credit. Amounts in minor units; dates ISO days.
 */

/** 100 000 000.00 in minor units: far above any rent, far below a bigint's worries. */
export const MAX_PAYMENT_MINOR = 10_000_000_000;
/** A BgMax file of 10 MB holds ~125,000 records. */
export const MAX_BGMAX_BYTES = 10 * 1024 * 1024;

/**
 * Where a payment stands: `unmatched` in the queue (no customer), `credit` with money not yet on a
 * notice, `allocated` when all of it went to notices.
 */
export const PAYMENT_STATES = ['unmatched', 'credit', 'allocated'] as const;
export const PaymentStateSchema = z.enum(PAYMENT_STATES);
export type PaymentState = z.infer<typeof PaymentStateSchema>;

export const PaymentAllocationSchema = z.object({
  invoiceId: z.uuid(),
  invoiceNumber: z.string(),
  amountMinor: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type PaymentAllocation = z.infer<typeof PaymentAllocationSchema>;

export const PaymentSummarySchema = z.object({
  id: z.uuid(),
  source: PaymentSourceSchema,
  state: PaymentStateSchema,
  amountMinor: z.number().int(),
  /** Not on any notice: the customer's credit (or, unmatched, all of it). */
  unallocatedMinor: z.number().int(),
  currency: CurrencySchema,
  paidOn: z.iso.date(),
  reference: z.string().nullable(),
  payerName: z.string().nullable(),
  payerAccount: z.string().nullable(),
  /** Bankgirot's BGC serial number (BgMax imports). */
  bankSerial: z.string().nullable(),
  customer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  importId: z.uuid().nullable(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type PaymentSummary = z.infer<typeof PaymentSummarySchema>;
export const PaymentPageSchema = cursorPageOf(PaymentSummarySchema);
export type PaymentPage = z.infer<typeof PaymentPageSchema>;

export const PaymentDetailSchema = PaymentSummarySchema.extend({ allocations: z.array(PaymentAllocationSchema) });
export type PaymentDetail = z.infer<typeof PaymentDetailSchema>;

export const PaymentParamsSchema = z.object({ paymentId: z.uuid() });

/** Staff list: newest payment day first. Each filter is served by an index of its own. */
export const PaymentListQuerySchema = CursorQuerySchema.extend({
  from: isoDate().optional(),
  to: isoDate().optional(),
  customerId: z.uuid().optional(),
  source: PaymentSourceSchema.optional(),
  matched: z.enum(['matched', 'unmatched']).optional(),
  importId: z.uuid().optional(),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuerySchema>;
export const PaymentExportQuerySchema = PaymentListQuerySchema.omit({ cursor: true, limit: true });

export const UnmatchedListQuerySchema = CursorQuerySchema;

const note = oneLine().max(500);

/** To a notice (allocated, never more than is open; the rest stays as the customer's credit) or to a customer (all credit). */
export const PaymentAssignSchema = z.union([
  z.strictObject({ invoiceId: z.uuid(), note: note.optional() }),
  z.strictObject({ customerId: z.uuid(), note: note.optional() }),
]);
export type PaymentAssign = z.infer<typeof PaymentAssignSchema>;

/** Moves the payment's credit onto an open notice of the same customer. */
export const PaymentAllocateSchema = z.object({ invoiceId: z.uuid() });

/**
 * Registered by hand: to a notice (its customer's), to a customer (credit), or to neither (the
 * unmatched queue). Currency: the notice's, else the landlord's billing currency.
 */
export const PaymentCreateFieldsSchema = z.object({
  amountMinor: z.number().int().min(1).max(MAX_PAYMENT_MINOR),
  paidOn: isoDate(),
  invoiceId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  reference: oneLine().max(35).optional(),
  note: note.optional(),
});
export const PaymentCreateSchema = PaymentCreateFieldsSchema.refine((v) => !(v.invoiceId && v.customerId), {
  message: 'Give invoiceId or customerId, not both',
  path: ['customerId'],
});
export type PaymentCreate = z.infer<typeof PaymentCreateSchema>;

/** Finding the notice to put a payment on: by its OCR/FI reference or its number (sequence). */
export const PayableInvoiceQuerySchema = z.object({ q: oneLine().min(1).max(40) });
export const PayableInvoiceSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  reference: z.string().nullable(),
  customer: z.object({ id: z.uuid(), name: z.string() }),
  dueDate: z.iso.date(),
  currency: CurrencySchema,
  totalMinor: z.number().int(),
  openMinor: z.number().int(),
});
export type PayableInvoice = z.infer<typeof PayableInvoiceSchema>;
export const PayableInvoiceListSchema = z.object({ items: z.array(PayableInvoiceSchema) });

// --- BgMax imports -------------------------------------------------------------------------------

const Tally = z.object({ count: z.number().int(), totalMinor: z.number().int() });

/**
 * What an import did, fixed when it ran: `matched` paid a notice exactly (or what was open on it),
 * `partial` left the notice partly paid, `over` left a credit on the customer, `unmatched` went to
 * the queue, `deductions` are TK21 records (queued with a negative amount).
 */
export const PaymentImportTallySchema = z.object({
  matched: Tally,
  partial: Tally,
  over: Tally,
  unmatched: Tally,
  deductions: Tally,
});
export type PaymentImportTally = z.infer<typeof PaymentImportTallySchema>;

export const PaymentImportSummarySchema = z.object({
  id: z.uuid(),
  format: z.literal('bgmax'),
  /** The file's own creation time (BgMax TK01), `YYYY-MM-DD HH:MM:SS`. */
  fileCreatedAt: z.string(),
  /** The deposits' serial numbers (TK15), in file order. */
  depositSerials: z.array(z.string()),
  payeeAccount: z.string(),
  paymentCount: z.number().int(),
  totalMinor: z.number().int(),
  currency: CurrencySchema,
  tally: PaymentImportTallySchema,
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type PaymentImportSummary = z.infer<typeof PaymentImportSummarySchema>;
export const PaymentImportPageSchema = cursorPageOf(PaymentImportSummarySchema);
export type PaymentImportPage = z.infer<typeof PaymentImportPageSchema>;
export const PaymentImportParamsSchema = z.object({ paymentImportId: z.uuid() });
export const PaymentImportListQuerySchema = CursorQuerySchema;

// --- Portal --------------------------------------------------------------------------------------

/** The tenant's view of one payment: what came in and which notices it paid. */
export const PortalPaymentSchema = z.object({
  id: z.uuid(),
  paidOn: z.iso.date(),
  amountMinor: z.number().int(),
  currency: CurrencySchema,
  reference: z.string().nullable(),
  source: PaymentSourceSchema,
  /** Not on any notice yet: the customer's credit. */
  unallocatedMinor: z.number().int(),
  invoices: z.array(z.object({ id: z.uuid(), number: z.string(), amountMinor: z.number().int() })),
});
export type PortalPayment = z.infer<typeof PortalPaymentSchema>;
export const PortalPaymentPageSchema = cursorPageOf(PortalPaymentSchema);
export type PortalPaymentPage = z.infer<typeof PortalPaymentPageSchema>;
export const PortalPaymentListQuerySchema = CursorQuerySchema;
