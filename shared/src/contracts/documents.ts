import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { oneLine } from '../text';
import { ContentTitleSchema, DocumentCategorySchema } from './content';

/**
 * Documents (issue 12 §5, seed 004): files staff upload for one customer, one lease or a whole
 * property, with a category and a title. Tenants download them from "Documents"; they never upload.
 */

export const DOCUMENT_SCOPES = ['customer', 'lease', 'property'] as const;
export const DocumentScopeSchema = z.enum(DOCUMENT_SCOPES);
export type DocumentScope = z.infer<typeof DocumentScopeSchema>;

export const DocumentFileSchema = z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() });

/** A document as staff see it: its target named. */
export const DocumentSchema = z.object({
  id: z.uuid(),
  scope: DocumentScopeSchema,
  category: DocumentCategorySchema,
  title: z.string(),
  customer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lease: z.object({ id: z.uuid(), number: z.string(), customerId: z.uuid() }).nullable(),
  property: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  file: DocumentFileSchema,
  createdAt: z.iso.datetime({ offset: true }),
});
export type Document = z.infer<typeof DocumentSchema>;

/** `GET /documents`: newest first; each filter is the document's own target (a customer's filter does not include its leases'). */
export const DocumentListQuerySchema = CursorQuerySchema.extend({
  customerId: z.uuid().optional(),
  leaseId: z.uuid().optional(),
  propertyId: z.uuid().optional(),
  category: DocumentCategorySchema.optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuerySchema>;
export const DocumentPageSchema = cursorPageOf(DocumentSchema);
export type DocumentPage = z.infer<typeof DocumentPageSchema>;

export const DocumentParamsSchema = z.object({ documentId: z.uuid() });

/** `POST /documents`: the file is an upload from `POST /uploads` (any type it accepts), claimed here. */
export const DocumentCreateSchema = z.object({
  scope: DocumentScopeSchema,
  /** The customer's, lease's or property's id, as `scope` says. */
  targetId: z.uuid(),
  category: DocumentCategorySchema,
  title: ContentTitleSchema,
  attachmentId: z.uuid(),
});
export type DocumentCreate = z.infer<typeof DocumentCreateSchema>;

export const DocumentPatchSchema = DocumentCreateSchema.pick({ category: true, title: true })
  .partial()
  .refine((p) => p.category !== undefined || p.title !== undefined, { message: 'Nothing to change' });
export type DocumentPatch = z.infer<typeof DocumentPatchSchema>;

// --- The portal ------------------------------------------------------------------------------------

/** A document as a tenant sees it; what it is for named for the list's grouping. */
export const PortalDocumentSchema = z.object({
  id: z.uuid(),
  scope: DocumentScopeSchema,
  category: DocumentCategorySchema,
  title: z.string(),
  /** The lease's number (lease documents) or the property's name (property documents). */
  about: z.string().nullable(),
  file: DocumentFileSchema,
  createdAt: z.iso.datetime({ offset: true }),
});
export type PortalDocument = z.infer<typeof PortalDocumentSchema>;

export const PortalDocumentListQuerySchema = CursorQuerySchema.extend({ category: DocumentCategorySchema.optional() });
export type PortalDocumentListQuery = z.infer<typeof PortalDocumentListQuerySchema>;
export const PortalDocumentPageSchema = cursorPageOf(PortalDocumentSchema);
export type PortalDocumentPage = z.infer<typeof PortalDocumentPageSchema>;

// --- The property page (issue 12 §4, seed 002) -------------------------------------------------------

export const PortalPropertySummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
});
export const PortalPropertyListSchema = z.object({ items: z.array(PortalPropertySummarySchema) });
export type PortalPropertyList = z.infer<typeof PortalPropertyListSchema>;

export const PROPERTY_CONTACT_ROLES = ['customer_manager', 'property_manager', 'team'] as const;
export const PortalPropertyContactSchema = z.object({
  staffUserId: z.uuid(),
  role: z.enum(PROPERTY_CONTACT_ROLES),
  name: z.string(),
  /** What they do at this property (team members); '' when none was given. */
  title: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
});
export type PortalPropertyContact = z.infer<typeof PortalPropertyContactSchema>;

export const PortalPropertyDetailSchema = PortalPropertySummarySchema.extend({
  description: z.string().nullable(),
  yearBuilt: z.number().int().nullable(),
  totalAreaM2: z.number().nullable(),
  floors: z.number().int().nullable(),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  /** Plain text as staff wrote it (shown as text, never as HTML). */
  areaInfo: z.string().nullable(),
  /** Served by `GET /portal/properties/{propertyId}/images/{attachmentId}`. */
  images: z.array(z.object({ id: z.uuid(), filename: z.string() })),
  contacts: z.array(PortalPropertyContactSchema),
});
export type PortalPropertyDetail = z.infer<typeof PortalPropertyDetailSchema>;

export const PortalPropertyParamsSchema = z.object({ propertyId: z.uuid() });
export const PortalPropertyImageParamsSchema = z.object({ propertyId: z.uuid(), attachmentId: z.uuid() });

// --- A property's team, staff side ---------------------------------------------------------------------

export const PROPERTY_TEAM_MAX = 30;
export const PropertyTeamMemberInputSchema = z.object({ staffUserId: z.uuid(), title: oneLine().max(100).default('') });
/** `PUT /properties/{propertyId}/team`: the whole team in display order (replaces it). */
export const PropertyTeamPutSchema = z
  .array(PropertyTeamMemberInputSchema)
  .max(PROPERTY_TEAM_MAX)
  .refine((items) => new Set(items.map((i) => i.staffUserId)).size === items.length, { message: 'A person is listed twice' });
export type PropertyTeamPut = z.infer<typeof PropertyTeamPutSchema>;
export const PropertyTeamSchema = z.object({
  items: z.array(z.object({ staffUserId: z.uuid(), name: z.string(), email: z.string(), phone: z.string().nullable(), title: z.string() })),
});
export type PropertyTeam = z.infer<typeof PropertyTeamSchema>;
