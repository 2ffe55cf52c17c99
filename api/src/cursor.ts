import { COUNT_CAP, type CursorPage } from '@portico/shared/pagination';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from './db/client';
import { badRequest } from './errors';

// --- Keyset pages (decision 66) ------------------------------------------------------------------

/** A sort key's SQL type: the cursor carries its value as Postgres text and casts it back. */
export type KeyType = 'timestamptz' | 'date' | 'text' | 'int' | 'uuid' | 'bool';
export type KeyColumn = { expr: SQLWrapper; type: KeyType };

/** Where a page starts: after the row named (reading on) or before it (reading back). */
export type Position = { dir: 'after' | 'before'; values: string[] };

const CAST: Record<KeyType, SQL> = {
  timestamptz: sql.raw('timestamptz'),
  date: sql.raw('date'),
  text: sql.raw('text'),
  int: sql.raw('int'),
  uuid: sql.raw('uuid'),
  bool: sql.raw('boolean'),
};
const VALUE: Record<KeyType, z.ZodType<string>> = {
  // Postgres' own text form, e.g. `2026-11-30 12:00:00.123456+00`; what matters is that it parses.
  // `infinity` too: a sort key like `coalesce(due_at, 'infinity')` puts rows without a date last.
  timestamptz: z.string().regex(/^(-?infinity|\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?([+-]\d\d(:\d\d)?|Z))$/),
  date: z.iso.date(),
  text: z.string().max(400),
  int: z.string().regex(/^-?\d{1,18}$/),
  uuid: z.uuid(),
  // A flag sorted on (a pinned post first): Postgres writes a boolean as text `true` / `false`.
  bool: z.enum(['true', 'false']),
};

/**
 * One list's sort order as a keyset: columns most significant first, the last one unique (an id),
 * all read in one direction. Values travel as text (`expr::text`), so a cursor names a row at the
 * database's full precision (microseconds), never at a JS Date's milliseconds.
 *
 * Usage: select `...ks.select` beside the row's columns, filter with `ks.where(pos)`, order with
 * `ks.orderBy(pos)`, `limit(limit + 1)`, and hand the rows to `ks.page`.
 */
export function keyset(columns: KeyColumn[], direction: 'asc' | 'desc') {
  const names = columns.map((_, i) => `k${i}`);
  const select = Object.fromEntries(columns.map((c, i) => [names[i], sql<string>`(${c.expr})::text`])) as Record<string, SQL<string>>;

  /** The order rows are read in: the list's own, or reversed when reading back from a cursor. */
  const readsAscending = (pos?: Position) => (direction === 'asc') === (pos?.dir !== 'before');

  function decode(cursor: string | undefined): Position | undefined {
    if (!cursor) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw badRequest('validation_failed');
    }
    if (!Array.isArray(parsed) || parsed.length !== columns.length + 1 || (parsed[0] !== 'a' && parsed[0] !== 'b'))
      throw badRequest('validation_failed');
    const values = parsed.slice(1);
    columns.forEach((c, i) => {
      if (typeof values[i] !== 'string' || !VALUE[c.type].safeParse(values[i]).success) throw badRequest('validation_failed');
    });
    // The shape checks admit month 13 and year 0000; Postgres would refuse those casts with a 500.
    for (const [i, c] of columns.entries()) {
      if (c.type === 'timestamptz' && !isValidTimestamp(values[i])) throw badRequest('validation_failed');
      if ((c.type === 'timestamptz' || c.type === 'date') && String(values[i]).startsWith('0000-')) throw badRequest('validation_failed');
    }
    return { dir: parsed[0] === 'a' ? 'after' : 'before', values };
  }

  const encode = (dir: 'a' | 'b', row: Record<string, unknown>) =>
    Buffer.from(JSON.stringify([dir, ...names.map((n) => row[n])])).toString('base64url');

  function where(pos: Position | undefined): SQL | undefined {
    if (!pos) return undefined;
    const left = sql.join(
      columns.map((c) => sql`${c.expr}`),
      sql`, `,
    );
    const right = sql.join(
      columns.map((c, i) => sql`${pos.values[i]}::${CAST[c.type]}`),
      sql`, `,
    );
    return readsAscending(pos) ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
  }

  const orderBy = (pos?: Position): SQL[] => columns.map((c) => (readsAscending(pos) ? sql`${c.expr} asc` : sql`${c.expr} desc`));

  /** Rows read with `limit + 1` into a page in the list's own order, with the cursors either way. */
  function page<Row extends Record<string, unknown>>(rows: Row[], limit: number, pos: Position | undefined) {
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    if (pos?.dir === 'before') items.reverse();
    const first = items[0];
    const last = items.at(-1);
    const back = pos?.dir === 'before';
    return {
      items,
      // Reading on: a next page exists when a row beyond the limit came back. Reading back: the rows
      // after this page are the ones the cursor came from.
      nextCursor: last && (back || more) ? encode('a', last) : null,
      previousCursor: first && (back ? more : pos !== undefined) ? encode('b', first) : null,
    };
  }

  return { select, decode, where, orderBy, page };
}

function isValidTimestamp(text: string | undefined): boolean {
  if (!text) return false;
  if (text === 'infinity' || text === '-infinity') return true;
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return !Number.isNaN(Date.parse(iso));
}

/**
 * Matches counted up to COUNT_CAP (+1 to know it was reached): never an exact count over an
 * unbounded set. Pass the list's own filtered select of a constant, e.g.
 * `db.select({ one: sql`1` }).from(t).where(w)`.
 */
export async function cappedCount(
  db: DbOrTx,
  matches: { limit: (n: number) => { as: (alias: string) => SQLWrapper } },
): Promise<Pick<CursorPage<unknown>, 'total' | 'totalCapped'>> {
  const sub = matches.limit(COUNT_CAP + 1).as('capped');
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sub}`);
  const n = Number(result.rows[0]?.n ?? 0);
  return { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

// --- One-directional cursors over (created_at, id), for the outbox's delivery list ----------------

/** Where a keyset page ends: the last row's sort time and id. */
export type KeysetPosition = { createdAt: Date; id: string };

const CreatedPosition = z.object({ id: z.uuid(), createdAt: z.coerce.date().min(new Date('1970-01-01')).max(new Date('9999-12-31')) });

/** An opaque `nextCursor` for the row a page ended on. */
export const encodeCursor = (row: KeysetPosition) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

/** The position a client's cursor names; a forged or damaged one is a 400, never a database error. */
export function decodeCursor(cursor: string): KeysetPosition {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const parsed = CreatedPosition.safeParse({ createdAt, id });
  if (!parsed.success) throw badRequest('validation_failed');
  return parsed.data;
}
