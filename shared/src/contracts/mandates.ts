import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { isoDate, oneLine } from '../text';
import { LeaseRefSchema } from './auth';
import { CurrencySchema, MandateKindSchema, MandateStatusSchema } from './billing-core';

/**
 * Issue 11 §4: direct-debit mandates (STANDARDS §5). The tenant creates one per lease (pending);
 * finance exports, activates, rejects or cancels; collections book payments on the due date.
 */

// --- Terms ---------------------------------------------------------------------------------------

export const MandateTermsQuerySchema = z.object({ kind: MandateKindSchema });

/** The current terms of a kind, with what Bankgirot's mandate form must show of the payee (§5.2). */
export const MandateTermsSchema = z.object({
  kind: MandateKindSchema,
  version: z.string(),
  publishedOn: z.iso.date(),
  texts: z.object({ sv: z.string(), da: z.string(), en: z.string() }),
  payee: z.object({
    name: z.string(),
    /** Bankgiro (SE) or FI creditor number (DK) the collections are paid to; null when not set. */
    account: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
});
export type MandateTerms = z.infer<typeof MandateTermsSchema>;

// --- Portal --------------------------------------------------------------------------------------

/** What a payer types; the API checks and normalises it (shared/src/formats/direct-debit.ts). */
export const MandateCreateSchema = z.object({
  leaseId: z.uuid(),
  kind: MandateKindSchema,
  /** Clearing number (SE, a Swedbank 5-digit one too) or reg. no. (DK). */
  bankCode: oneLine().min(1).max(8),
  bankAccount: oneLine().min(1).max(20),
  /** Personnummer / organisationsnummer (SE), CPR / CVR (DK) of the account holder. */
  holderId: oneLine().min(1).max(20),
  holderName: oneLine().min(1).max(100),
  /** Must be true: the payer accepts the terms of `termsVersion`. */
  acceptTerms: z.boolean(),
  termsVersion: oneLine().min(1).max(60),
});
export type MandateCreate = z.infer<typeof MandateCreateSchema>;

export const MandateParamsSchema = z.object({ mandateId: z.uuid() });

/** A mandate as the payer sees it: account and id masked to their last 4 digits. */
export const PortalMandateSchema = z.object({
  id: z.uuid(),
  kind: MandateKindSchema,
  status: MandateStatusSchema,
  lease: LeaseRefSchema,
  bankCode: z.string(),
  /** `••••1234` */
  bankAccount: z.string(),
  holderId: z.string(),
  holderName: z.string(),
  termsVersion: z.string(),
  acceptedAt: z.iso.datetime({ offset: true }),
  createdAt: z.iso.datetime({ offset: true }),
  activatedAt: z.iso.datetime({ offset: true }).nullable(),
  cancelledAt: z.iso.datetime({ offset: true }).nullable(),
  /** A CPR that failed the old mod-11 check: accepted, but worth a second look (STANDARDS §7.3). */
  warnings: z.array(z.enum(['cpr_mod11'])).optional(),
});
export type PortalMandate = z.infer<typeof PortalMandateSchema>;

/** The customer's leases with their live mandate (pending or active), and every mandate newest first. */
export const PortalMandateOverviewSchema = z.object({
  /** The kind the landlord collects by (SE autogiro, DK betalingsservice). */
  kind: MandateKindSchema,
  leases: z.array(z.object({ lease: LeaseRefSchema, mandate: PortalMandateSchema.nullable() })),
  mandates: z.array(PortalMandateSchema),
});
export type PortalMandateOverview = z.infer<typeof PortalMandateOverviewSchema>;

// --- Staff ---------------------------------------------------------------------------------------

export const MandateSchema = z.object({
  id: z.uuid(),
  kind: MandateKindSchema,
  status: MandateStatusSchema,
  customer: z.object({ id: z.uuid(), name: z.string() }),
  lease: z.object({ id: z.uuid(), number: z.string() }),
  /** Autogiro betalarnummer / Betalingsservice kundenummer (decision 11M2). */
  payerNumber: z.string(),
  bankCode: z.string(),
  bankAccount: z.string(),
  holderId: z.string(),
  holderName: z.string(),
  termsVersion: z.string(),
  acceptedAt: z.iso.datetime({ offset: true }),
  acceptedBy: z.uuid(),
  exportId: z.uuid().nullable(),
  exportedAt: z.iso.datetime({ offset: true }).nullable(),
  activatedAt: z.iso.datetime({ offset: true }).nullable(),
  cancelledAt: z.iso.datetime({ offset: true }).nullable(),
  cancelledBy: z.enum(['tenant', 'staff']).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Mandate = z.infer<typeof MandateSchema>;

export const MandatePageSchema = cursorPageOf(MandateSchema);
export type MandatePage = z.infer<typeof MandatePageSchema>;

export const MandateListQuerySchema = CursorQuerySchema.extend({
  status: MandateStatusSchema.optional(),
  kind: MandateKindSchema.optional(),
  customerId: z.uuid().optional(),
});
export type MandateListQuery = z.infer<typeof MandateListQuerySchema>;

/** Export every pending, not yet exported mandate of a kind as the file the bank takes. */
export const MandateExportSchema = z.object({
  kind: MandateKindSchema,
  /** Autogiro only: the payee's 6-digit customer number at Bankgirot (the TK01 record). */
  customerNumber: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type MandateExport = z.infer<typeof MandateExportSchema>;
export const MandateExportParamsSchema = z.object({ exportId: z.uuid() });

// --- Collections ---------------------------------------------------------------------------------

export const CollectionQuerySchema = z.object({ dueDate: isoDate() });

export const CollectionItemSchema = z.object({
  invoiceId: z.uuid(),
  number: z.string(),
  customer: z.object({ id: z.uuid(), name: z.string() }),
  lease: z.object({ id: z.uuid(), number: z.string() }),
  mandate: z.object({ id: z.uuid(), kind: MandateKindSchema, payerNumber: z.string() }),
  dueDate: z.iso.date(),
  currency: CurrencySchema,
  openMinor: z.number().int(),
});
export type CollectionItem = z.infer<typeof CollectionItemSchema>;

/** Open notices with an active mandate due on or before the date; at most COLLECTION_MAX per answer. */
export const COLLECTION_MAX = 5000;
export const CollectionListSchema = z.object({
  dueDate: z.iso.date(),
  items: z.array(CollectionItemSchema),
  totals: z.array(z.object({ currency: CurrencySchema, count: z.number().int(), amountMinor: z.number().int() })),
  /** True when more than COLLECTION_MAX notices matched (confirm in parts). */
  truncated: z.boolean(),
});
export type CollectionList = z.infer<typeof CollectionListSchema>;

export const CollectionConfirmSchema = z.object({
  dueDate: isoDate(),
  invoiceIds: z.array(z.uuid()).min(1).max(COLLECTION_MAX),
});
export type CollectionConfirm = z.infer<typeof CollectionConfirmSchema>;

export const CollectionResultSchema = z.object({
  booked: z.array(z.object({ invoiceId: z.uuid(), paymentId: z.uuid(), amountMinor: z.number().int() })),
  /** Already paid (or settled) notices: nothing booked twice. */
  skipped: z.array(z.uuid()),
});
export type CollectionResult = z.infer<typeof CollectionResultSchema>;
