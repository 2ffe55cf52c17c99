import { z } from 'zod';
import { ErrorCodeSchema, ResourceSchema } from '../errors';
import { ExternalIdSchema } from './records';

/**
 * Integrators' writes by external id (issue 10, §2): `PUT …/by-external-id/{externalId}` and the
 * bulk endpoints `POST /properties/bulk`, `/units/bulk`, `/customers/bulk`, `/leases/bulk`. A bulk
 * call upserts each item on its own (its own transaction), so one bad item fails alone; the answer
 * is 200 with one result per item, in the order sent.
 */

export const BULK_MAX_ITEMS = 1000;

export const ExternalIdParamsSchema = z.object({ externalId: ExternalIdSchema });

/**
 * The envelope as the API validates it: loosely, so a bad item is reported in its own result
 * rather than refusing the call. More than BULK_MAX_ITEMS items: 400 `bulk_too_many`.
 */
export const BulkRequestSchema = z.object({ items: z.array(z.unknown()) });

/** The envelope as documented: each item is the kind's upsert (`…UpsertSchema`). */
export const bulkRequestOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item).max(BULK_MAX_ITEMS) });

export const BulkItemStatusSchema = z.enum(['created', 'updated', 'unchanged', 'failed']);
export type BulkItemStatus = z.infer<typeof BulkItemStatusSchema>;

/** Why an item failed: the error wire format's fields (ApiErrorSchema), for this item only. */
export const BulkItemErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  resource: ResourceSchema.optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string(), code: ErrorCodeSchema.optional() })).optional(),
});
export type BulkItemError = z.infer<typeof BulkItemErrorSchema>;

/** A bulk answer; `extra` adds fields to every item result (none of the four kinds needs any yet). */
export const bulkResultOf = <R extends z.ZodRawShape>(extra: R = {} as R) =>
  z.object({
    results: z.array(
      z
        .object({
          /** The item's position in `items` (0-based). */
          index: z.number().int().min(0),
          /** The item's external id as sent, when it had a readable one. */
          externalId: z.string().nullable(),
          status: BulkItemStatusSchema,
          /** The record's id (not when failed). */
          id: z.uuid().optional(),
          error: BulkItemErrorSchema.optional(),
        })
        .extend(extra),
    ),
    summary: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      failed: z.number().int(),
    }),
  });

export const BulkResultSchema = bulkResultOf();
export type BulkResult = z.infer<typeof BulkResultSchema>;
export type BulkItemResult = BulkResult['results'][number];
