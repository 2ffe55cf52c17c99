import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { isoDate, isoDateTime, oneLine } from '../text';
import { CaseStatusSchema } from './cases';
import { AttachmentSchema } from './messaging';
import { ArchivedFilterSchema, ExternalIdSchema } from './records';

/** Issue 9: leases, their units and rent lines (what rent notices are made from, issue 11). */
export const LEASE_TYPES = ['residential', 'commercial', 'parking', 'storage'] as const;
export const LeaseTypeSchema = z.enum(LEASE_TYPES);
export type LeaseType = z.infer<typeof LeaseTypeSchema>;

export const LEASE_STATUSES = ['active', 'terminated', 'ended'] as const;
export const LeaseStatusSchema = z.enum(LEASE_STATUSES);
export type LeaseStatus = z.infer<typeof LeaseStatusSchema>;

export const RENT_LINE_KINDS = ['rent', 'heating', 'water', 'electricity', 'parking', 'storage', 'service_charge', 'other'] as const;
export const RentLineKindSchema = z.enum(RENT_LINE_KINDS);
export type RentLineKind = z.infer<typeof RentLineKindSchema>;

/** VAT in percent: none, or the standard 25 % of Sweden and Denmark (commercial premises that opted in). */
export const VAT_RATES = [0, 25] as const;
export const VatRateSchema = z.literal(VAT_RATES);

/** A month's amount in minor units (öre / øre), up to 10 million a month. */
export const MAX_MONTHLY_MINOR = 1_000_000_000;

export const RentLineInputSchema = z.object({
  kind: RentLineKindSchema,
  description: oneLine().max(200).default(''),
  amountMinor: z.number().int().min(0).max(MAX_MONTHLY_MINOR),
  vatRate: VatRateSchema.default(0),
});
export type RentLineInput = z.input<typeof RentLineInputSchema>;

export const MAX_RENT_LINES = 30;

/**
 * Issue 11: how often a lease is billed (billing-core's BILLING_CADENCES; spelt out here because
 * billing-core imports this file).
 */
const BillingCadenceSchema = z.enum(['monthly', 'quarterly']);
export const MAX_LEASE_UNITS = 50;

/** The lease number as people write it (`HA-23-0415`): letters, digits and - / . _ between them. */
export const LeaseNumberSchema = oneLine()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u);

/** m² with at most two decimals. */
export const AreaSchema = z.number().positive().max(1_000_000).multipleOf(0.01);

/** A rule of the lease that spans fields, with its own error code (the errors plugin answers with it). */
const leaseIssue = (code: 'valid_to_before_valid_from' | 'vat_not_allowed_on_residential', path: (string | number)[]) => ({
  code: 'custom' as const,
  message: `errors:${code}`,
  params: { code },
  path,
  input: undefined,
});

/**
 * The cross-field rules of a lease, applied by the contract (create, upsert) and by the service on
 * the merged record (an edit that sends only one of the fields). Exported for the console form.
 */
export function leaseProblems(lease: {
  type?: LeaseType | undefined;
  validFrom?: string | undefined;
  validTo?: string | null | undefined;
  rentLines?: { vatRate?: number | undefined }[] | undefined;
}) {
  const problems: ReturnType<typeof leaseIssue>[] = [];
  if (lease.validFrom && lease.validTo && lease.validTo < lease.validFrom)
    problems.push(leaseIssue('valid_to_before_valid_from', ['validTo']));
  if (lease.type === 'residential')
    (lease.rentLines ?? []).forEach((line, i) => {
      if (line.vatRate) problems.push(leaseIssue('vat_not_allowed_on_residential', ['rentLines', i, 'vatRate']));
    });
  return problems;
}

const leaseRules = (value: Parameters<typeof leaseProblems>[0], ctx: z.RefinementCtx) => {
  for (const issue of leaseProblems(value)) ctx.addIssue({ ...issue, input: value });
};

/** Every field of a lease a person or an integrator writes, without defaults (an edit sends some of them). */
export const LeaseFieldsSchema = z.object({
  number: LeaseNumberSchema,
  type: LeaseTypeSchema,
  customerId: z.uuid(),
  /** One or more units; the first is the lease's main unit (its address in lists). */
  unitIds: z.array(z.uuid()).min(1).max(MAX_LEASE_UNITS),
  /** Leave out (or null) for the sum of the units' areas. */
  areaM2: AreaSchema.nullable().optional(),
  validFrom: isoDate(),
  /** Null: until further notice. On or after `validFrom`. */
  validTo: isoDate().nullable().optional(),
  noticePeriodMonths: z.number().int().min(0).max(36),
  /** Issue 11: billed every month, or each quarter (January, April, July, October) for three months. */
  billingCadence: BillingCadenceSchema,
  /** Replaces every rent line when given. */
  rentLines: z.array(RentLineInputSchema).max(MAX_RENT_LINES),
  /** An upload (POST /uploads) of the signed lease; it must be a PDF. Null removes the document. */
  signedPdfId: z.uuid().nullable().optional(),
  externalId: ExternalIdSchema.nullable().optional(),
});

export const LeaseCreateSchema = LeaseFieldsSchema.extend({
  noticePeriodMonths: LeaseFieldsSchema.shape.noticePeriodMonths.default(3),
  billingCadence: LeaseFieldsSchema.shape.billingCadence.default('monthly'),
  rentLines: LeaseFieldsSchema.shape.rentLines.default([]),
}).superRefine(leaseRules);
export type LeaseCreateInput = z.input<typeof LeaseCreateSchema>;
export type LeaseCreate = z.output<typeof LeaseCreateSchema>;

export const LeasePatchSchema = LeaseFieldsSchema.partial().superRefine(leaseRules);
export type LeasePatch = z.output<typeof LeasePatchSchema>;

/** Notice given on `noticeDate` (default today); the lease ends on `endDate` (default: the notice period's month end). */
export const LeaseTerminateSchema = z.object({
  noticeDate: isoDate().optional(),
  endDate: isoDate().optional(),
});
export type LeaseTerminate = z.output<typeof LeaseTerminateSchema>;

/**
 * A lease for the spreadsheet import and integrators, matched on `externalId`; the customer and the
 * units are named by their external ids. Rent lines replace the stored ones.
 */
const LeaseUpsertFieldsSchema = LeaseFieldsSchema.omit({ customerId: true, unitIds: true, signedPdfId: true, externalId: true }).extend({
  externalId: ExternalIdSchema,
  customerExternalId: ExternalIdSchema,
  unitExternalIds: z.array(ExternalIdSchema).min(1).max(MAX_LEASE_UNITS),
  noticePeriodMonths: LeaseFieldsSchema.shape.noticePeriodMonths.default(3),
  billingCadence: LeaseFieldsSchema.shape.billingCadence.default('monthly'),
  rentLines: LeaseFieldsSchema.shape.rentLines.default([]),
});
export const LeaseUpsertSchema = LeaseUpsertFieldsSchema.superRefine(leaseRules);
export type LeaseUpsertInput = z.input<typeof LeaseUpsertSchema>;
/** `PUT /leases/by-external-id/{externalId}`: the upsert without its external id (the path names it). */
export const LeasePutSchema = LeaseUpsertFieldsSchema.omit({ externalId: true })
  .superRefine(leaseRules)
  .meta({
    examples: [
      {
        number: '1001-0203',
        type: 'commercial',
        customerExternalId: 'ERP-C-4711',
        unitExternalIds: ['ERP-U-0203'],
        validFrom: '2026-01-01',
        validTo: null,
        noticePeriodMonths: 9,
        rentLines: [{ kind: 'rent', description: 'Lokalhyra', amountMinor: 2_450_000, vatRate: 25 }],
      },
    ],
  });
export type LeasePut = z.output<typeof LeasePutSchema>;

export const RentLineSchema = z.object({
  id: z.uuid(),
  kind: RentLineKindSchema,
  description: z.string(),
  amountMinor: z.number().int(),
  vatRate: z.number().int(),
});
export type RentLine = z.infer<typeof RentLineSchema>;

/** A month's rent: the lines' sum without VAT, the VAT (rounded per line to whole minor units), and both together. */
export const RentTotalsSchema = z.object({ netMinor: z.number().int(), vatMinor: z.number().int(), grossMinor: z.number().int() });
export type RentTotals = z.infer<typeof RentTotalsSchema>;

export const LeaseUnitSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.string(),
  address: z.string(),
  areaM2: z.number().nullable(),
  property: z.object({ id: z.uuid(), name: z.string() }),
});

export const LeaseSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  type: LeaseTypeSchema,
  status: LeaseStatusSchema,
  customer: z.object({ id: z.uuid(), name: z.string() }),
  /** The main unit's address. */
  address: z.string(),
  unitCount: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  archived: z.boolean(),
});
export type LeaseSummary = z.infer<typeof LeaseSummarySchema>;

export const LeaseDetailSchema = LeaseSummarySchema.extend({
  units: z.array(LeaseUnitSchema),
  /** The lease's area: the agreed one, else the sum of its units' areas. */
  areaM2: z.number().nullable(),
  /** The area agreed in the lease; null when it is the units' sum. */
  areaM2Agreed: z.number().nullable(),
  noticePeriodMonths: z.number().int(),
  billingCadence: BillingCadenceSchema,
  noticeDate: z.string().nullable(),
  rentLines: z.array(RentLineSchema),
  totals: RentTotalsSchema,
  /** The landlord's currency (Sweden SEK, Denmark DKK); amounts are in its minor unit. */
  currency: z.enum(['SEK', 'DKK']),
  signedPdf: AttachmentSchema.nullable(),
  externalId: z.string().nullable(),
  archivedAt: isoDateTime().nullable(),
  createdAt: isoDateTime(),
  updatedAt: isoDateTime(),
});
export type LeaseDetail = z.infer<typeof LeaseDetailSchema>;

export const LEASE_SORTS = ['number', 'validFrom', 'customer'] as const;
export const LeaseListQuerySchema = CursorQuerySchema.extend({
  /** Lease number, customer name or a unit's address. */
  q: oneLine().max(100).optional(),
  status: LeaseStatusSchema.optional(),
  type: LeaseTypeSchema.optional(),
  propertyId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  /** Leases in force on this day (valid from ≤ day ≤ valid to). */
  validOn: isoDate().optional(),
  sort: z.enum(LEASE_SORTS).default('number'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  archived: ArchivedFilterSchema,
});
export type LeaseListQuery = z.output<typeof LeaseListQuerySchema>;
export const LeasePageSchema = cursorPageOf(LeaseSummarySchema);
export type LeasePage = z.infer<typeof LeasePageSchema>;
export const LeaseParamsSchema = z.object({ leaseId: z.uuid() });

/** The console's unit picker for a lease: units by number, address or property name, with the lease holding them today. */
export const UnitOptionQuerySchema = z.object({
  q: oneLine().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const UnitOptionSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.string(),
  address: z.string(),
  areaM2: z.number().nullable(),
  property: z.object({ id: z.uuid(), name: z.string() }),
  /** The number of a running lease holding the unit today, if any. */
  leasedBy: z.string().nullable(),
});
export type UnitOption = z.infer<typeof UnitOptionSchema>;
export const UnitOptionListSchema = z.object({ items: z.array(UnitOptionSchema) });
export type UnitOptionList = z.infer<typeof UnitOptionListSchema>;

// --- Issue 11: leases in the tenant portal (seeds 001, 002) -------------------------------------

/** Seed 002's table: one row per lease of the customer the person acts for. */
export const PortalLeaseSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  type: LeaseTypeSchema,
  status: LeaseStatusSchema,
  /** The customer's name (seed 002's "Hyresgäst"). */
  tenant: z.string(),
  /** The main unit's address. */
  address: z.string(),
  /** The agreed area, else the sum of the units' areas; null when neither is known. */
  areaM2: z.number().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type PortalLeaseSummary = z.infer<typeof PortalLeaseSummarySchema>;
export const PortalLeaseListQuerySchema = CursorQuerySchema;
export type PortalLeaseListQuery = z.output<typeof PortalLeaseListQuerySchema>;
export const PortalLeasePageSchema = cursorPageOf(PortalLeaseSummarySchema);
export type PortalLeasePage = z.infer<typeof PortalLeasePageSchema>;

export const PortalLeaseUnitSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.string(),
  address: z.string(),
  areaM2: z.number().nullable(),
  floor: z.string().nullable(),
});

/** Why a lease's money (rent lines and the signed PDF) is not shown: the person's role, or a session without BankID/MitID. */
export const PORTAL_LEASE_RESTRICTIONS = ['role', 'strong_auth'] as const;

/** A case linked to the lease that the person may see (the cases' own visibility rules). */
export const PortalLeaseCaseSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  status: CaseStatusSchema,
  createdAt: isoDateTime(),
});
export type PortalLeaseCase = z.infer<typeof PortalLeaseCaseSchema>;
/** The newest linked cases shown on a lease's page; `total` counts them all (capped like every list). */
export const PORTAL_LEASE_CASES_SHOWN = 20;

export const PortalLeaseDetailSchema = PortalLeaseSummarySchema.extend({
  units: z.array(PortalLeaseUnitSchema),
  noticePeriodMonths: z.number().int(),
  /** The day notice was given (status `terminated`). */
  noticeDate: z.string().nullable(),
  /** The month's rent line by line and in total: main administrators only, like invoices (seed 002). */
  rent: z
    .object({
      currency: z.enum(['SEK', 'DKK']),
      lines: z.array(RentLineSchema),
      totals: RentTotalsSchema,
    })
    .nullable(),
  /** Set when `rent` is left out and the signed PDF may not be downloaded, and why. */
  restricted: z.enum(PORTAL_LEASE_RESTRICTIONS).nullable(),
  /** The signed lease, when there is one (downloadable at `…/signed-pdf` unless `restricted`). */
  signedPdf: z.object({ filename: z.string(), size: z.number().int() }).nullable(),
  cases: z.object({ items: z.array(PortalLeaseCaseSchema), total: z.number().int().min(0), totalCapped: z.boolean() }),
});
export type PortalLeaseDetail = z.infer<typeof PortalLeaseDetailSchema>;

/** `POST /portal/leases/{leaseId}/request-copy`: the case that asks the landlord for a copy. */
export const PortalLeaseCopyRequestedSchema = z.object({ caseId: z.uuid() });
export type PortalLeaseCopyRequested = z.infer<typeof PortalLeaseCopyRequestedSchema>;
