import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { multiLine, oneLine } from '../text';
import { ArchivedFilterSchema, ExternalIdSchema } from './records';

/**
 * Properties (fastighet / ejendom) and their units (issue 9). Postal codes are checked against the
 * landlord's country by the API (`formats/postal-code.ts`): the contract only bounds their length,
 * since it cannot know the country.
 */

export const UNIT_TYPES = ['apartment', 'office', 'retail', 'storage', 'parking'] as const;
export const UnitTypeSchema = z.enum(UNIT_TYPES);
export type UnitType = z.infer<typeof UnitTypeSchema>;

export const PropertyFactSchema = z.object({ label: oneLine().min(1).max(60), value: oneLine().min(1).max(200) });
export type PropertyFact = z.infer<typeof PropertyFactSchema>;

const area = () => z.number().positive().max(10_000_000);

/** What a person enters about a property. Every field but name and address may be left out. */
export const PropertyFieldsSchema = z.object({
  name: oneLine().min(1).max(120),
  /** SE fastighetsbeteckning ("Göteborg Heden 12:3"), DK matrikelnummer ("12a Heden, København"). */
  designation: oneLine().max(100).optional(),
  street: oneLine().min(1).max(120),
  postalCode: oneLine().min(1).max(10),
  city: oneLine().min(1).max(80),
  description: multiLine().max(5000).nullable().optional(),
  yearBuilt: z.number().int().min(1000).max(2200).nullable().optional(),
  totalAreaM2: area().nullable().optional(),
  floors: z.number().int().min(0).max(300).nullable().optional(),
  /** Free-form fact lines ("Hiss" / "Ja", "Energiklass" / "C"), shown in this order. */
  facts: z.array(PropertyFactSchema).max(30).optional(),
  /** Waste collection, laundry, parking… (free text, shown to tenants). */
  areaInfo: multiLine().max(5000).nullable().optional(),
  /** The property manager (cases are routed to them): a staff user of the same landlord. */
  managerId: z.uuid().nullable().optional(),
  /** The customer manager: a staff user of the same landlord. */
  customerManagerId: z.uuid().nullable().optional(),
  /** The portal pilot switch (the landlord's portal scope `selected`). */
  portalEnabled: z.boolean().optional(),
  externalId: ExternalIdSchema.nullable().optional(),
});
export const PropertyCreateSchema = PropertyFieldsSchema;
export type PropertyCreate = z.infer<typeof PropertyCreateSchema>;
export const PropertyPatchSchema = PropertyFieldsSchema.partial();
export type PropertyPatch = z.infer<typeof PropertyPatchSchema>;
/** The import's and integrators' row: matched on `externalId`; fields left out stay as they are. */
export const PropertyUpsertSchema = PropertyFieldsSchema.extend({ externalId: ExternalIdSchema });
export type PropertyUpsertInput = z.infer<typeof PropertyUpsertSchema>;
/** `PUT /properties/by-external-id/{externalId}`: the upsert without its external id (the path names it). */
export const PropertyPutSchema = PropertyUpsertSchema.omit({ externalId: true }).meta({
  examples: [
    {
      name: 'Heden 12',
      designation: 'Göteborg Heden 12:3',
      street: 'Hedsgatan 4',
      postalCode: '411 06',
      city: 'Göteborg',
      yearBuilt: 1912,
    },
  ],
});
export type PropertyPut = z.infer<typeof PropertyPutSchema>;

export const StaffRefSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export const PropertyImageSchema = z.object({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number().int() });
export type PropertyImage = z.infer<typeof PropertyImageSchema>;

export const PropertySummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  designation: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  manager: StaffRefSchema.nullable(),
  portalEnabled: z.boolean(),
  /** Live (not archived) units. */
  unitCount: z.number().int(),
  archivedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type PropertySummary = z.infer<typeof PropertySummarySchema>;

export const PropertyDetailSchema = PropertySummarySchema.extend({
  description: z.string().nullable(),
  yearBuilt: z.number().int().nullable(),
  totalAreaM2: z.number().nullable(),
  floors: z.number().int().nullable(),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  areaInfo: z.string().nullable(),
  customerManager: StaffRefSchema.nullable(),
  externalId: z.string().nullable(),
  images: z.array(PropertyImageSchema),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type PropertyDetail = z.infer<typeof PropertyDetailSchema>;

export const PROPERTY_SORTS = ['name', 'designation', 'city'] as const;
export const PropertyListQuerySchema = CursorQuerySchema.extend({
  /** Name, designation or street contains. */
  q: oneLine().max(100).optional(),
  managerId: z.uuid().optional(),
  archived: ArchivedFilterSchema,
  sort: z.enum(PROPERTY_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type PropertyListQuery = z.infer<typeof PropertyListQuerySchema>;
export const PropertyPageSchema = cursorPageOf(PropertySummarySchema);
export type PropertyPage = z.infer<typeof PropertyPageSchema>;
export const PropertyParamsSchema = z.object({ propertyId: z.uuid() });
export const PropertyImageParamsSchema = z.object({ propertyId: z.uuid(), attachmentId: z.uuid() });
/** Adds an image uploaded through `POST /uploads` (sniffed: JPEG, PNG, GIF or WebP). */
export const PropertyImageBodySchema = z.object({ attachmentId: z.uuid() });

// --- Units ------------------------------------------------------------------------------------

export const UnitFieldsSchema = z.object({
  propertyId: z.uuid(),
  /** Unique per landlord (409 `unit_number_taken`). */
  number: oneLine().min(1).max(30),
  type: UnitTypeSchema,
  address: oneLine().min(1).max(200),
  areaM2: area().nullable().optional(),
  floor: oneLine().max(20).nullable().optional(),
  externalId: ExternalIdSchema.nullable().optional(),
});
export const UnitCreateSchema = UnitFieldsSchema;
export type UnitCreate = z.infer<typeof UnitCreateSchema>;
export const UnitPatchSchema = UnitFieldsSchema.partial();
export type UnitPatch = z.infer<typeof UnitPatchSchema>;
/** The import's row: its property named by external id; fields left out stay as they are. */
export const UnitUpsertSchema = UnitFieldsSchema.omit({ propertyId: true }).extend({
  externalId: ExternalIdSchema,
  propertyExternalId: ExternalIdSchema,
});
export type UnitUpsertInput = z.infer<typeof UnitUpsertSchema>;
/** `PUT /units/by-external-id/{externalId}`: the upsert without its external id; the property by its external id. */
export const UnitPutSchema = UnitUpsertSchema.omit({ externalId: true });
export type UnitPut = z.infer<typeof UnitPutSchema>;

export const UnitSchema = z.object({
  id: z.uuid(),
  property: z.object({ id: z.uuid(), name: z.string() }),
  number: z.string(),
  type: UnitTypeSchema,
  address: z.string(),
  areaM2: z.number().nullable(),
  floor: z.string().nullable(),
  externalId: z.string().nullable(),
  archivedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitListQuerySchema = CursorQuerySchema.extend({
  /** Number or address contains. */
  q: oneLine().max(100).optional(),
  propertyId: z.uuid().optional(),
  type: UnitTypeSchema.optional(),
  archived: ArchivedFilterSchema,
});
export type UnitListQuery = z.infer<typeof UnitListQuerySchema>;
export const UnitPageSchema = cursorPageOf(UnitSchema);
export type UnitPage = z.infer<typeof UnitPageSchema>;
export const UnitParamsSchema = z.object({ unitId: z.uuid() });
