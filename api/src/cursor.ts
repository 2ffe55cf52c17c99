import { z } from 'zod';
import { badRequest } from './errors';

/** Where a keyset page ends: the last row's sort time and id. */
export type KeysetPosition = { createdAt: Date; id: string };

const Position = z.object({ id: z.uuid(), createdAt: z.coerce.date().min(new Date('1970-01-01')).max(new Date('9999-12-31')) });

/** An opaque `nextCursor` for the row a page ended on. */
export const encodeCursor = (row: KeysetPosition) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

/** The position a client's cursor names; a forged or damaged one is a 400, never a database error. */
export function decodeCursor(cursor: string): KeysetPosition {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const parsed = Position.safeParse({ createdAt, id });
  if (!parsed.success) throw badRequest('validation_failed');
  return parsed.data;
}
