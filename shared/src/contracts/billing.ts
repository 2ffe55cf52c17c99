import { z } from 'zod';
import { OCR_CONTROLS, OCR_MAX_LENGTH, OCR_MIN_LENGTH } from '../formats/ocr';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { isoDate, isoMonth, oneLine } from '../text';
import { CurrencySchema, DueRuleSchema, INVOICE_STATUSES, InvoiceKindSchema, InvoiceStatusSchema } from './billing-core';
import { MAX_MONTHLY_MINOR, RentLineKindSchema, VatRateSchema } from './leases';
import { ExternalIdSchema } from './records';

/**
 * Issue 11 (RUN): billing settings, billing runs, single charges, credit notes, the staff invoice
 * list and the aged-debt view. The notice itself is `InvoiceDetailSchema` (billing-core).
 */

// --- Settings ------------------------------------------------------------------------------------

export const OcrControlSchema = z.enum(OCR_CONTROLS);
/** The one or two lengths of a bankgiro agreement with fixed OCR length (STANDARDS §1.2). */
export const OcrFixedLengthsSchema = z.array(z.number().int().min(OCR_MIN_LENGTH).max(OCR_MAX_LENGTH)).max(2);

export const BillingSettingsSchema = z.object({
  currency: CurrencySchema,
  ocrControl: OcrControlSchema,
  ocrFixedLengths: z.array(z.number().int()),
  dueRule: DueRuleSchema,
  /** Days after the due date before the reminder e-mail; null = no reminders. */
  reminderDays: z.number().int().nullable(),
  /** Day of the month (1–28) on which the schedule bills the next month; null = console only. */
  scheduleDay: z.number().int().nullable(),
  attachPdf: z.boolean(),
  /** The number the next notice, charge or credit note gets. */
  nextNumber: z.number().int(),
});
export type BillingSettings = z.infer<typeof BillingSettingsSchema>;

export const BillingSettingsPatchSchema = z
  .object({
    currency: CurrencySchema,
    ocrControl: OcrControlSchema,
    ocrFixedLengths: OcrFixedLengthsSchema,
    dueRule: DueRuleSchema,
    reminderDays: z.number().int().min(1).max(90).nullable(),
    scheduleDay: z.number().int().min(1).max(28).nullable(),
    attachPdf: z.boolean(),
  })
  .partial();
export type BillingSettingsPatch = z.infer<typeof BillingSettingsPatchSchema>;

// --- Billing runs --------------------------------------------------------------------------------

/** `YYYY-MM`: the month billed. */
export const BillingPeriodSchema = isoMonth();
export const BillingRunRequestSchema = z.object({ period: BillingPeriodSchema });
export type BillingRunRequest = z.infer<typeof BillingRunRequestSchema>;

export const BILLING_RUN_SOURCES = ['console', 'api', 'schedule'] as const;

/** Rows a preview lists in full; the counts and totals cover every notice. */
export const PREVIEW_ROWS = 50;

export const BillingRunPreviewRowSchema = z.object({
  lease: z.object({ id: z.uuid(), number: z.string() }),
  customer: z.object({ id: z.uuid(), name: z.string() }),
  cadence: z.enum(['monthly', 'quarterly']),
  currency: CurrencySchema,
  totalMinor: z.number().int(),
  dueDate: isoDate(),
});

export const BillingRunSkippedSchema = z.object({
  /** Leases that already have a notice for the period (a re-run). */
  alreadyBilled: z.number().int(),
  /** Active leases without rent lines. */
  noRentLines: z.number().int(),
  /** Leases not active in the period: starting after it, ended before it, ended or archived. */
  notActive: z.number().int(),
  /** Quarterly leases in a month that is not January, April, July or October. */
  notThisPeriod: z.number().int(),
});

export const BillingRunPreviewSchema = z.object({
  period: z.string(),
  periodStart: isoDate(),
  dueDate: isoDate(),
  createCount: z.number().int(),
  totals: z.array(z.object({ currency: CurrencySchema, totalMinor: z.number().int() })),
  /** The first PREVIEW_ROWS notices the run would make, by lease number. */
  rows: z.array(BillingRunPreviewRowSchema),
  skipped: BillingRunSkippedSchema,
});
export type BillingRunPreview = z.infer<typeof BillingRunPreviewSchema>;

export const BillingRunSchema = z.object({
  id: z.uuid(),
  period: z.string(),
  periodStart: isoDate(),
  source: z.enum(BILLING_RUN_SOURCES),
  createdCount: z.number().int(),
  skippedCount: z.number().int(),
  /** The first and last number given; null when nothing was created. */
  firstNumber: z.string().nullable(),
  lastNumber: z.string().nullable(),
  totals: z.array(z.object({ currency: CurrencySchema, totalMinor: z.number().int() })),
  createdAt: z.string(),
});
export type BillingRun = z.infer<typeof BillingRunSchema>;
export const BillingRunParamsSchema = z.object({ runId: z.uuid() });
export const BillingRunListQuerySchema = CursorQuerySchema;
export const BillingRunPageSchema = cursorPageOf(BillingRunSchema);

// --- Charges, credit notes, integrators' notices -------------------------------------------------

export const ChargeLineInputSchema = z.object({
  kind: RentLineKindSchema,
  description: oneLine().min(1).max(200),
  amountMinor: z.number().int().min(1).max(MAX_MONTHLY_MINOR),
  vatRate: VatRateSchema.default(0),
});
export const MAX_CHARGE_LINES = 30;

/** A single extra charge on a lease (a key, a repair the tenant pays): its own number and reference. */
export const ChargeCreateSchema = z.object({
  leaseId: z.uuid(),
  lines: z.array(ChargeLineInputSchema).min(1).max(MAX_CHARGE_LINES),
  /** Default: 30 days after today. */
  dueDate: isoDate().optional(),
});
export type ChargeCreate = z.output<typeof ChargeCreateSchema>;

/**
 * A credit note against a notice or a charge: either lines (positive amounts to credit) or one gross
 * amount, split into net and VAT in the proportion of the original. At most what is still open.
 */
export const CreditNoteCreateSchema = z
  .object({
    lines: z.array(ChargeLineInputSchema).min(1).max(MAX_CHARGE_LINES).optional(),
    amountMinor: z
      .number()
      .int()
      .min(1)
      .max(MAX_MONTHLY_MINOR * 3)
      .optional(),
    reason: oneLine().min(1).max(200),
  })
  .refine((v) => (v.lines === undefined) !== (v.amountMinor === undefined), {
    message: 'errors:invoice_credit_lines_or_amount',
    params: { code: 'invoice_credit_lines_or_amount' },
  });
export type CreditNoteCreate = z.output<typeof CreditNoteCreateSchema>;

/** `PUT /invoices/by-external-id/{externalId}`: a rent notice pushed from the integrator's ERP. */
export const InvoicePutSchema = z
  .object({
    leaseExternalId: ExternalIdSchema,
    period: BillingPeriodSchema,
    lines: z.array(ChargeLineInputSchema).min(1).max(MAX_CHARGE_LINES),
    dueDate: isoDate(),
  })
  .meta({
    examples: [
      {
        leaseExternalId: 'ERP-L-0203',
        period: '2027-03',
        lines: [{ kind: 'rent', description: 'Lokalhyra mars', amountMinor: 2_450_000, vatRate: 25 }],
        dueDate: '2027-02-26',
      },
    ],
  });
export type InvoicePut = z.output<typeof InvoicePutSchema>;

// --- Staff lists ---------------------------------------------------------------------------------

export const StaffInvoiceListQuerySchema = CursorQuerySchema.extend({
  period: BillingPeriodSchema.optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
  propertyId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  leaseId: z.uuid().optional(),
  kind: InvoiceKindSchema.optional(),
});
export type StaffInvoiceListQuery = z.output<typeof StaffInvoiceListQuerySchema>;
/** The CSV export takes the list's filters, without paging. */
export const InvoiceExportQuerySchema = StaffInvoiceListQuerySchema.omit({ cursor: true, limit: true });
export type InvoiceExportQuery = z.output<typeof InvoiceExportQuerySchema>;

export const StaffInvoiceSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: InvoiceKindSchema,
  lease: z.object({ id: z.uuid(), number: z.string() }),
  customer: z.object({ id: z.uuid(), name: z.string() }),
  period: z.object({ start: isoDate(), end: isoDate() }).nullable(),
  issueDate: isoDate(),
  dueDate: isoDate(),
  currency: CurrencySchema,
  totalMinor: z.number().int(),
  paidMinor: z.number().int(),
  creditedMinor: z.number().int(),
  openMinor: z.number().int(),
  status: InvoiceStatusSchema,
  reference: z.string().nullable(),
});
export type StaffInvoiceSummary = z.infer<typeof StaffInvoiceSummarySchema>;
export const StaffInvoicePageSchema = cursorPageOf(StaffInvoiceSummarySchema);
export const StaffInvoiceParamsSchema = z.object({ invoiceId: z.uuid() });

export const AgedDebtQuerySchema = CursorQuerySchema;
/** A customer's open amounts by how long past due (days after the due date, the landlord's calendar day). */
export const AgedDebtRowSchema = z.object({
  customer: z.object({ id: z.uuid(), name: z.string() }),
  currency: CurrencySchema,
  notDueMinor: z.number().int(),
  days1to30Minor: z.number().int(),
  days31to60Minor: z.number().int(),
  days61to90Minor: z.number().int(),
  over90Minor: z.number().int(),
  totalMinor: z.number().int(),
});
export type AgedDebtRow = z.infer<typeof AgedDebtRowSchema>;
export const AgedDebtPageSchema = cursorPageOf(AgedDebtRowSchema);
