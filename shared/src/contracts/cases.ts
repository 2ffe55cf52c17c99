import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { isoDate, isoDateTime, isoMonth, multiLine, oneLine } from '../text';
import { LeaseRefSchema } from './auth';
import { AttachmentSchema, MAX_ATTACHMENTS } from './messaging';

/** Seed 003/001: the life of a case. `reopen` goes from resolved/closed back to in_progress. */
export const CASE_STATUSES = ['new', 'acknowledged', 'in_progress', 'waiting_for_tenant', 'resolved', 'closed'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** Allowed moves; anything else is refused with `invalid_transition`. */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['acknowledged', 'in_progress', 'resolved', 'closed'],
  acknowledged: ['in_progress', 'waiting_for_tenant', 'resolved', 'closed'],
  in_progress: ['waiting_for_tenant', 'resolved', 'closed'],
  waiting_for_tenant: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'acknowledged', 'in_progress', 'waiting_for_tenant'];

export const CASE_TYPES = ['fault', 'service', 'inquiry', 'information'] as const;
export const CaseTypeSchema = z.enum(CASE_TYPES);
export type CaseType = z.infer<typeof CaseTypeSchema>;

const locationFields = (text: (max: number) => z.ZodOptional<z.ZodString>) => ({
  siteName: text(200),
  street: text(200),
  postalCode: text(20),
  city: text(100),
  reporterName: text(200),
  reporterPhone: text(40),
  sitePhone1: text(40),
  sitePhone2: text(40),
  masterKeyAllowed: z.boolean().default(false),
  doorCode: text(40),
  agreementNumber: text(60),
  invoiceMarking: text(120),
});

/**
 * Seed 003's location and contact fields as the API answers them (case detail, prefill). Stored
 * text is not judged again by the input rules, so older rows can never make an answer fail.
 */
export const CaseLocationSchema = z.object(locationFields((max) => z.string().trim().max(max).optional()));
/** The same fields as a client sends them: one line each. Known values are prefilled by the client and editable. */
export const CaseLocationInputSchema = z.object(locationFields((max) => oneLine().max(max).optional()));
export type CaseLocation = z.infer<typeof CaseLocationSchema>;

export const NewCaseBodySchema = CaseLocationInputSchema.extend({
  title: oneLine().min(1).max(200),
  description: multiLine().min(1).max(10_000),
  type: CaseTypeSchema.exclude(['information']).default('fault'),
  leaseId: z.uuid(),
  objectId: z.uuid().optional(),
  attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]),
});
export type NewCaseBody = z.infer<typeof NewCaseBodySchema>;

/** Staff open a case for a customer's lease, with the same fields. */
export const StaffNewCaseBodySchema = NewCaseBodySchema.extend({
  customerId: z.uuid(),
  type: CaseTypeSchema.default('fault'),
  assigneeId: z.uuid().optional(),
});
export type StaffNewCaseBody = z.infer<typeof StaffNewCaseBodySchema>;

/** Seed 001 "relaterade ärenden": information to one customer or every customer of a property, optionally also by SMS. */
/** The fields alone (a refined object cannot be picked from): forms derive their schema from this. */
export const RelatedCaseFieldsSchema = z.object({
  title: oneLine().min(1).max(200),
  description: multiLine().min(1).max(2_000),
  customerId: z.uuid().optional(),
  propertyId: z.uuid().optional(),
  sms: z.boolean().default(false),
});
export const RelatedCaseBodySchema = RelatedCaseFieldsSchema.refine((b) => Boolean(b.customerId) !== Boolean(b.propertyId), {
  message: 'Give exactly one of customerId and propertyId',
  path: ['customerId'],
});
export type RelatedCaseBody = z.infer<typeof RelatedCaseBodySchema>;

export const EquipmentObjectSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.string(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  location: z.string().nullable(),
  propertyId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
});
export type EquipmentObject = z.infer<typeof EquipmentObjectSchema>;
export const EquipmentObjectListSchema = z.object({ items: z.array(EquipmentObjectSchema) });
export type EquipmentObjectList = z.infer<typeof EquipmentObjectListSchema>;
export const EquipmentObjectBodySchema = z.object({
  number: oneLine().min(1).max(40),
  type: oneLine().min(1).max(80),
  make: oneLine().max(80).optional(),
  model: oneLine().max(80).optional(),
  location: oneLine().max(200).optional(),
  propertyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
});
export type EquipmentObjectBody = z.infer<typeof EquipmentObjectBodySchema>;
export const ObjectParamsSchema = z.object({ objectId: z.uuid() });

export const StaffRefSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string(), phone: z.string().nullable() });

export const CaseSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  type: CaseTypeSchema,
  status: CaseStatusSchema,
  /** Null only for a related case sent to every customer of a property. */
  customer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lease: LeaseRefSchema.nullable(),
  property: z.object({ id: z.uuid(), name: z.string() }),
  street: z.string().nullable(),
  object: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  invoiceMarking: z.string().nullable(),
  agreementNumber: z.string().nullable(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  overdue: z.boolean(),
  workOrderCount: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
/** A keyset page of cases (decision 66); `total` is capped at COUNT_CAP. */
export const CasePageSchema = cursorPageOf(CaseSummarySchema);
export type CasePage = z.infer<typeof CasePageSchema>;

export const CaseEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['created', 'status_changed', 'public_reply', 'internal_note', 'assigned']),
  authorKind: z.enum(['staff', 'tenant', 'system']),
  authorName: z.string(),
  body: z.string().nullable(),
  fromStatus: CaseStatusSchema.nullable(),
  toStatus: CaseStatusSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  attachments: z.array(AttachmentSchema),
  /**
   * Property-wide related cases: the one recipient customer this entry is between (their reply, or
   * staff's answer to them). Null = shown to every recipient. Tenants only ever get their own.
   */
  customerId: z.uuid().nullable(),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export const WorkOrderSchema = z.object({
  id: z.uuid(),
  description: z.string(),
  performedAt: z.iso.datetime({ offset: true }),
  performedBy: z.string(),
  minutes: z.number().int(),
  materialCostMinor: z.number().int(),
  currency: z.enum(['SEK', 'DKK', 'EUR']),
  attachments: z.array(AttachmentSchema),
  /** The signed delivery note: a drawn signature (PNG attachment) or an uploaded signed file. */
  signature: z
    .object({
      signedBy: z.string(),
      signedAt: z.iso.datetime({ offset: true }),
      attachment: AttachmentSchema,
      kind: z.enum(['drawn', 'file']),
    })
    .nullable(),
});
export type WorkOrder = z.infer<typeof WorkOrderSchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  description: z.string(),
  location: CaseLocationSchema,
  reporter: z.object({ name: z.string(), kind: z.enum(['staff', 'tenant']) }),
  attachments: z.array(AttachmentSchema),
  /** Tenants never receive internal notes. */
  events: z.array(CaseEventSchema),
  workOrders: z.array(WorkOrderSchema),
  responsibleManager: StaffRefSchema.nullable(),
  following: z.boolean(),
  followerCount: z.number().int(),
  /** Related cases only: who it went to and how each delivery went. */
  recipients: z
    .array(
      z.object({
        customerId: z.uuid(),
        customerName: z.string(),
        email: z.enum(['queued', 'sent', 'failed', 'none']),
        sms: z.enum(['queued', 'sent', 'failed', 'none']),
        /** Channels the case asked for that this customer has no usable address for (no e-mail; no mobile when SMS was asked). */
        missing: z.array(z.enum(['email', 'sms'])),
      }),
    )
    .nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const CaseSortSchema = z.enum(['created_desc', 'created_asc', 'updated_desc', 'due_asc', 'number_desc']);
/**
 * The case queue and search. A cursor belongs to the sort it was made under; used with another
 * sort it is refused (400). `q`: every word (of 3+ characters) must occur in the number, title,
 * description, street, object number, invoice marking or agreement number, as a part of a word,
 * case-insensitively (docs/case-search.md).
 */
export const CaseListQuerySchema = CursorQuerySchema.extend({
  status: z
    .union([CaseStatusSchema, z.array(CaseStatusSchema)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  /** current = open statuses, historical = resolved and closed (seed 001). */
  scope: z.enum(['all', 'current', 'historical']).default('all'),
  type: CaseTypeSchema.optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  street: oneLine().max(200).optional(),
  objectNumber: oneLine().max(40).optional(),
  invoiceMarking: oneLine().max(120).optional(),
  agreementNumber: oneLine().max(60).optional(),
  q: oneLine().max(200).optional(),
  propertyId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  /** Dashboard drill-down: the month (YYYY-MM) a bar stands for. */
  month: isoMonth().optional(),
  overdue: z.stringbool().optional(),
  sort: CaseSortSchema.default('created_desc'),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;
export const CaseParamsSchema = z.object({ caseId: z.uuid() });

export const CaseReplyBodySchema = z.object({
  body: multiLine().min(1).max(10_000),
  /** Staff only: a note never shown to tenants. */
  internal: z.boolean().default(false),
  attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]),
  /**
   * Staff only, property-wide related cases: answer this one recipient customer privately. Without
   * it a public reply goes to every recipient. A tenant's reply is always to the landlord alone.
   */
  customerId: z.uuid().optional(),
});
export type CaseReplyBody = z.infer<typeof CaseReplyBodySchema>;
export const CaseStatusBodySchema = z.object({ status: CaseStatusSchema, comment: multiLine().max(2_000).optional() });
export const CaseAssignBodySchema = z.object({ assigneeId: z.uuid().nullable() });

export const WorkOrderBodySchema = z.object({
  description: multiLine().min(1).max(5_000),
  performedAt: isoDateTime(),
  minutes: z.number().int().min(0).max(100_000),
  materialCostMinor: z.number().int().min(0).max(1_000_000_000),
  attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]),
});
export type WorkOrderBody = z.infer<typeof WorkOrderBodySchema>;
export const WorkOrderParamsSchema = z.object({ caseId: z.uuid(), workOrderId: z.uuid() });
/** The customer signs on screen (a PNG upload of the drawing) or a signed file is uploaded. */
export const WorkOrderSignBodySchema = z.object({
  signedBy: oneLine().min(1).max(200),
  attachmentId: z.uuid(),
  kind: z.enum(['drawn', 'file']),
});

export const StaffOptionSchema = z.object({ id: z.uuid(), name: z.string(), role: z.string() });
export const StaffOptionListSchema = z.object({ items: z.array(StaffOptionSchema) });
export type StaffOptionList = z.infer<typeof StaffOptionListSchema>;
export const PropertyOptionSchema = z.object({ id: z.uuid(), name: z.string(), customerCount: z.number().int() });
export const PropertyOptionListSchema = z.object({ items: z.array(PropertyOptionSchema) });
export type PropertyOptionList = z.infer<typeof PropertyOptionListSchema>;

// --- Statistics (seed 003 Dashboard) -------------------------------------------------------

export const StatsGroupSchema = z.enum(['month', 'property', 'type', 'status']);
export const StatsQuerySchema = z.object({
  groupBy: StatsGroupSchema.default('month'),
  from: isoDate().optional(),
  to: isoDate().optional(),
});
export const StatsRowSchema = z.object({
  /** The month (YYYY-MM), property id, type or status the row stands for; use it as the drill-down filter. */
  key: z.string(),
  label: z.string(),
  cases: z.number().int(),
  workOrders: z.number().int(),
  costMinor: z.number().int(),
  /** Hours; null when no case in the group has reached that point. */
  firstResponseMedianHours: z.number().nullable(),
  firstResponseP90Hours: z.number().nullable(),
  resolutionMedianHours: z.number().nullable(),
  resolutionP90Hours: z.number().nullable(),
});
export type StatsRow = z.infer<typeof StatsRowSchema>;
export const StatsSchema = z.object({
  groupBy: StatsGroupSchema,
  /** The currency of `costMinor`: the landlord's. */
  currency: z.enum(['SEK', 'DKK', 'EUR']),
  rows: z.array(StatsRowSchema),
  totals: StatsRowSchema.omit({ key: true, label: true }),
});
export type Stats = z.infer<typeof StatsSchema>;

/** Per case type, who receives new cases; null = the property's responsible manager (the default). */
export const CaseRoutingSchema = z.object({
  rules: z.array(z.object({ caseType: CaseTypeSchema, assigneeId: z.uuid().nullable() })),
});
export type CaseRouting = z.infer<typeof CaseRoutingSchema>;
