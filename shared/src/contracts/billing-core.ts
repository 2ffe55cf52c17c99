import { z } from 'zod';
import { LeaseRefSchema } from './auth';
import { RentLineKindSchema } from './leases';

/**
 * Issue 11: the shapes every billing module shares (notices, payments, mandates). Amounts are
 * integers in minor units (öre / øre / cent); dates are ISO days.
 */
export const CURRENCIES = ['SEK', 'DKK', 'EUR'] as const;
export const CurrencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof CurrencySchema>;

/** A rent notice from a billing run, a single extra charge, or a credit note (negative total). */
export const INVOICE_KINDS = ['notice', 'charge', 'credit_note'] as const;
export const InvoiceKindSchema = z.enum(INVOICE_KINDS);
export type InvoiceKind = z.infer<typeof InvoiceKindSchema>;

/** As stored. */
export const STORED_INVOICE_STATUSES = ['unpaid', 'partly_paid', 'paid', 'credited'] as const;
export type StoredInvoiceStatus = (typeof STORED_INVOICE_STATUSES)[number];
/** As read: `overdue` is an open notice past its due date (computed, never stored). */
export const INVOICE_STATUSES = ['unpaid', 'partly_paid', 'overdue', 'paid', 'credited'] as const;
export const InvoiceStatusSchema = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof InvoiceStatusSchema>;

/** The status people see: open and past due is overdue. `today` is the landlord's ISO day. */
export function invoiceStatusOn(stored: StoredInvoiceStatus, dueDate: string, today: string): InvoiceStatus {
  if ((stored === 'unpaid' || stored === 'partly_paid') && dueDate < today) return 'overdue';
  return stored;
}

/** How the tenant pays: bankgiro or plusgiro with an OCR reference (SE), an FI +71 line (DK), or IBAN. */
export const PAYMENT_METHODS = ['bankgiro', 'plusgiro', 'fik', 'iban'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_SOURCES = ['bgmax', 'manual', 'direct_debit', 'api'] as const;
export const PaymentSourceSchema = z.enum(PAYMENT_SOURCES);
export type PaymentSource = z.infer<typeof PaymentSourceSchema>;

export const MANDATE_KINDS = ['autogiro', 'betalingsservice'] as const;
export const MandateKindSchema = z.enum(MANDATE_KINDS);
export type MandateKind = z.infer<typeof MandateKindSchema>;
export const MANDATE_STATUSES = ['pending', 'active', 'cancelled', 'rejected'] as const;
export const MandateStatusSchema = z.enum(MANDATE_STATUSES);
export type MandateStatus = z.infer<typeof MandateStatusSchema>;

/**
 * When a notice falls due: `last_weekday_before` the period (Swedish rent in advance, hyreslagen
 * 12 kap. 20 §) or the `first_weekday_of` it (Danish "forud den 1."). Weekends only; bank holidays
 * are not modelled.
 */
export const DUE_RULES = ['last_weekday_before', 'first_weekday_of'] as const;
export const DueRuleSchema = z.enum(DUE_RULES);
export type DueRule = z.infer<typeof DueRuleSchema>;

export const BILLING_CADENCES = ['monthly', 'quarterly'] as const;
export const BillingCadenceSchema = z.enum(BILLING_CADENCES);
export type BillingCadence = z.infer<typeof BillingCadenceSchema>;

/** What to pay with: the string a person copies, and its parts for display. */
export const PaymentInstructionsSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('bankgiro'), account: z.string(), reference: z.string() }),
  z.object({ method: z.literal('plusgiro'), account: z.string(), reference: z.string() }),
  /** `line` is the full `+71<payment id+creditor<` a Danish bank app takes. */
  z.object({ method: z.literal('fik'), creditor: z.string(), reference: z.string(), line: z.string() }),
  z.object({ method: z.literal('iban'), iban: z.string(), bic: z.string().nullable(), reference: z.string() }),
]);
export type PaymentInstructions = z.infer<typeof PaymentInstructionsSchema>;

export const InvoiceLineSchema = z.object({
  kind: RentLineKindSchema,
  description: z.string(),
  amountMinor: z.number().int(),
  vatRate: z.number().int(),
  vatMinor: z.number().int(),
});
export type InvoiceLine = z.infer<typeof InvoiceLineSchema>;

export const InvoicePeriodSchema = z.object({ start: z.iso.date(), end: z.iso.date() });

/** A payment's share of one notice, as shown on the notice. */
export const InvoicePaymentSchema = z.object({
  paymentId: z.uuid(),
  paidOn: z.iso.date(),
  amountMinor: z.number().int(),
  source: PaymentSourceSchema,
});

/** One notice, charge or credit note in full: the same shape for staff and for the tenant. */
export const InvoiceDetailSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: InvoiceKindSchema,
  lease: LeaseRefSchema,
  customer: z.object({ id: z.uuid(), name: z.string() }),
  /** Null on single charges and credit notes without a period. */
  period: InvoicePeriodSchema.nullable(),
  issueDate: z.iso.date(),
  dueDate: z.iso.date(),
  currency: CurrencySchema,
  lines: z.array(InvoiceLineSchema),
  subtotalMinor: z.number().int(),
  vatMinor: z.number().int(),
  totalMinor: z.number().int(),
  paidMinor: z.number().int(),
  creditedMinor: z.number().int(),
  /** What is still to pay (total − paid − credited, never below 0). */
  openMinor: z.number().int(),
  status: InvoiceStatusSchema,
  paidAt: z.iso.date().nullable(),
  /** Null on credit notes, on settled notices, and when paid by direct debit. */
  payment: PaymentInstructionsSchema.nullable(),
  /** Set when the lease pays by an active mandate: collected on the due date. */
  directDebit: z.object({ kind: MandateKindSchema, collectionDate: z.iso.date() }).nullable(),
  creditsInvoice: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  payments: z.array(InvoicePaymentSchema),
  /** The PDF is rendered by the worker shortly after issue. */
  pdfReady: z.boolean(),
  externalId: z.string().nullable(),
});
export type InvoiceDetail = z.infer<typeof InvoiceDetailSchema>;
