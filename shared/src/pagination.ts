import { z } from 'zod';
import { CURSOR_MAX_LENGTH, CURSOR_PATTERN } from './list-params';

export { CURSOR_MAX_LENGTH, CURSOR_PATTERN, cursorOrUndefined } from './list-params';

/**
 * Keyset (cursor) paging for every list (decision 66). A cursor is opaque to clients: it names
 * the row a page ended (or began) on and the direction to read, so "Next" and "Previous" cost the
 * same on page 1 and page 40,000 and a link with a cursor can be shared or reloaded.
 */
export const CursorSchema = z.string().max(CURSOR_MAX_LENGTH).regex(CURSOR_PATTERN);

export const CursorQuerySchema = z.object({
  /** `nextCursor` or `previousCursor` of the page before; none for the first page. */
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CursorQuery = z.infer<typeof CursorQuerySchema>;

/**
 * Lists never count an unbounded set exactly: matches are counted up to COUNT_CAP, and
 * `totalCapped` says "COUNT_CAP or more" (shown as "1,000+").
 */
export const COUNT_CAP = 1000;

export function cursorPageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** The page after this one; null on the last page. */
    nextCursor: CursorSchema.nullable(),
    /** The page before this one; null on the first page. */
    previousCursor: CursorSchema.nullable(),
    /** Matches, counted up to COUNT_CAP. */
    total: z.number().int().min(0),
    /** True when there are at least `total` (= COUNT_CAP) matches. */
    totalCapped: z.boolean(),
  });
}
export type CursorPage<T> = {
  items: T[];
  nextCursor: string | null;
  previousCursor: string | null;
  total: number;
  totalCapped: boolean;
};
