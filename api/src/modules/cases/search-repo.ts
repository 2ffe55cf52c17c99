/**
 * The case queue's reads: who sees which case, filters and free-text search, keyset pages for
 * every sort, capped counts and the dashboard's statistics (docs/case-search.md). Writes and
 * single-row lookups stay in repo.ts, which re-exports this file, so services use one `repo`.
 */
import { and, eq, gte, inArray, lt, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { cappedCount, type KeyColumn, keyset, type Position } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { caseDueKey, caseRecipients, caseSearchText, cases, equipmentObjects, workOrders } from '../../db/schema/cases';
import { customers } from '../../db/schema/customers';
import { leases } from '../../db/schema/leases';
import { properties, units } from '../../db/schema/properties';
import { staffUsers } from '../../db/schema/staff';
import { badRequest } from '../../errors';
import type { CaseRow } from './repo';

// --- visibility and lists ------------------------------------------------------------------

/** Who looks: staff of a landlord (technicians only their own), or a tenant acting for a customer. */
export type Viewer = { landlordId: string; customerId?: string | undefined; assigneeId?: string | undefined };

/**
 * A tenant sees the customer's cases and related cases sent to it. The recipients' case ids come as
 * an array (`= any(array(...))`, computed once), so both halves are index scans OR-ed together,
 * not a subquery run for every case.
 */
const visibleTo = (viewer: Viewer) =>
  and(
    eq(cases.landlordId, viewer.landlordId),
    viewer.customerId
      ? or(
          eq(cases.customerId, viewer.customerId),
          sql`${cases.id} = any(array(select ${caseRecipients.caseId} from ${caseRecipients} where ${caseRecipients.landlordId} = ${viewer.landlordId} and ${caseRecipients.customerId} = ${viewer.customerId}))`,
        )
      : undefined,
    viewer.assigneeId ? eq(cases.assigneeId, viewer.assigneeId) : undefined,
  );

export type CaseFilters = {
  statuses?: CaseRow['status'][] | undefined;
  type?: CaseRow['type'] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  street?: string | undefined;
  objectNumber?: string | undefined;
  invoiceMarking?: string | undefined;
  agreementNumber?: string | undefined;
  q?: string | undefined;
  propertyId?: string | undefined;
  assigneeId?: string | undefined;
  customerId?: string | undefined;
  /** Issue 11: the cases linked to one lease (the portal's lease page). */
  leaseId?: string | undefined;
  month?: string | undefined;
  overdue?: boolean | undefined;
};

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const OPEN = ['new', 'acknowledged', 'in_progress', 'waiting_for_tenant'] as const;
const SEARCH_TEXT = caseSearchText(cases);
const DUE_KEY = caseDueKey(cases.dueAt);

/**
 * The words of a free-text search: each must occur somewhere (docs/case-search.md). Words under
 * three characters carry no trigram, so they are dropped when a longer word is there to search by.
 */
export function searchWords(q: string): string[] {
  const words = [...new Set(q.trim().split(/\s+/).filter(Boolean))];
  const long = words.filter((w) => [...w].length >= 3);
  return long.length > 0 ? long.slice(0, 8) : words.slice(0, 1);
}

const permutations = <T>(xs: T[]): T[][] =>
  xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));

/**
 * Every word in the case's text, in any order, as ONE case-insensitive regular expression over the
 * trigram-indexed text (up to three words: `a.*b|b.*a`). One predicate, so the planner estimates
 * the words together from the column's statistics instead of multiplying per-word guesses, which
 * for words that go together ("läcker kran") made it sort tens of thousands of rows. Words beyond
 * the third are further ILIKE conditions. Letters and digits stay; everything else is escaped.
 */
export function wordsPattern(words: string[]): { pattern: string; rest: string[] } {
  const literal = (w: string) => w.replace(/[^\p{L}\p{N}]/gu, (c) => `\\${c}`);
  const head = words.slice(0, 3).map(literal);
  return {
    pattern: permutations(head)
      .map((p) => p.join('.*'))
      .join('|'),
    rest: words.slice(3),
  };
}

/** The columns the text filters read: the case's own, or the same columns of a subquery over cases. */
type TextColumns = {
  search: SQLWrapper;
  street: SQLWrapper;
  invoiceMarking: SQLWrapper;
  agreementNumber: SQLWrapper;
  objectId: SQLWrapper;
};
const CASE_TEXT: TextColumns = {
  search: SEARCH_TEXT,
  street: cases.street,
  invoiceMarking: cases.invoiceMarking,
  agreementNumber: cases.agreementNumber,
  objectId: cases.objectId,
};

/** Cases whose object number contains `text`: the objects' ids, computed once, matched by the object index. */
const objectNumberMatches = (landlordId: string, text: string, objectId: SQLWrapper) =>
  sql`${objectId} = any(array(select ${equipmentObjects.id} from ${equipmentObjects} where ${equipmentObjects.landlordId} = ${landlordId} and ${equipmentObjects.number} ilike ${like(text)}))`;

function textMatches(landlordId: string, q: string, c: TextColumns): SQL | undefined {
  const words = searchWords(q);
  if (words.length === 0) return undefined;
  const { pattern, rest } = wordsPattern(words);
  return or(
    and(sql`${c.search} ~* ${pattern}`, ...rest.map((w) => sql`${c.search} ilike ${like(w)}`)),
    // Object numbers live in equipment_objects: the whole query as typed, e.g. "TVM-4711".
    objectNumberMatches(landlordId, q.trim(), c.objectId),
  );
}

const hasText = (f: CaseFilters) => Boolean(f.q || f.street || f.objectNumber || f.invoiceMarking || f.agreementNumber);

/** The text filters (trigram-indexed ILIKE / regex, object numbers by id). */
function textFilterSql(landlordId: string, f: CaseFilters, c: TextColumns = CASE_TEXT): SQL | undefined {
  return and(
    f.street ? sql`${c.street} ilike ${like(f.street)}` : undefined,
    f.objectNumber ? objectNumberMatches(landlordId, f.objectNumber, c.objectId) : undefined,
    f.invoiceMarking ? sql`${c.invoiceMarking} ilike ${like(f.invoiceMarking)}` : undefined,
    f.agreementNumber ? sql`${c.agreementNumber} ilike ${like(f.agreementNumber)}` : undefined,
    f.q ? textMatches(landlordId, f.q, c) : undefined,
  );
}

/** The other filters, each served by a btree index: equality, ranges on created_at and the due key. */
function baseFilterSql(f: CaseFilters): SQL | undefined {
  // Overdue narrows the statuses to open ones: one IN list, so the planner does not count it twice.
  const statuses = f.overdue
    ? (f.statuses?.length ? f.statuses : [...OPEN]).filter((s) => OPEN.some((o) => o === s))
    : f.statuses?.length
      ? f.statuses
      : undefined;
  return and(
    statuses ? (statuses.length ? inArray(cases.status, statuses) : sql`false`) : undefined,
    f.type ? eq(cases.type, f.type) : undefined,
    f.from ? gte(cases.createdAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(cases.createdAt, sql`${`${f.to}T00:00:00Z`}::timestamptz + interval '1 day'`) : undefined,
    f.month
      ? and(
          gte(cases.createdAt, sql`${`${f.month}-01T00:00:00Z`}::timestamptz`),
          lt(cases.createdAt, sql`${`${f.month}-01T00:00:00Z`}::timestamptz + interval '1 month'`),
        )
      : undefined,
    f.propertyId ? eq(cases.propertyId, f.propertyId) : undefined,
    f.assigneeId ? eq(cases.assigneeId, f.assigneeId) : undefined,
    f.customerId ? eq(cases.customerId, f.customerId) : undefined,
    f.leaseId ? eq(cases.leaseId, f.leaseId) : undefined,
    // On the due key (not due_at), so the open-cases due index serves it.
    f.overdue ? lt(DUE_KEY, sql`now()`) : undefined,
  );
}

/** Every filter, as the statistics read them. */
export function filterSql(landlordId: string, f: CaseFilters): SQL | undefined {
  return and(baseFilterSql(f), textFilterSql(landlordId, f));
}

const created = { expr: cases.createdAt, type: 'timestamptz' } as const;
const byId = { expr: cases.id, type: 'uuid' } as const;
/**
 * Each sort's key columns (most significant first, all read in one direction). The tag goes in
 * front of its cursors, so a cursor only works with the sort it was made under.
 */
const SORTS: Record<CaseSort, { tag: string; columns: KeyColumn[]; dir: 'asc' | 'desc' }> = {
  created_desc: { tag: 'cd', columns: [created, byId], dir: 'desc' },
  created_asc: { tag: 'ca', columns: [created, byId], dir: 'asc' },
  updated_desc: { tag: 'ud', columns: [{ expr: cases.updatedAt, type: 'timestamptz' }, byId], dir: 'desc' },
  // No due date last: the key is coalesce(due_at, 'infinity'), indexed as such.
  due_asc: { tag: 'da', columns: [{ expr: DUE_KEY, type: 'timestamptz' }, byId], dir: 'asc' },
  // Numbers are unique per landlord, so the number alone is the key.
  number_desc: { tag: 'nd', columns: [{ expr: cases.number, type: 'text' }], dir: 'desc' },
};
export type CaseSort = 'created_desc' | 'created_asc' | 'updated_desc' | 'due_asc' | 'number_desc';

/**
 * The same key as an expression no btree index can order by (`+ interval '0'`, `|| ''`): the
 * planner must then find matches by their filters (the trigram bitmap) and sort them.
 */
const opaque = (c: KeyColumn): KeyColumn => ({
  ...c,
  expr: c.type === 'timestamptz' ? sql`(${c.expr} + interval '0 s')` : c.type === 'text' ? sql`(${c.expr} || '')` : c.expr,
});

/** How many rows, in the list's order, a text search reads before it turns to the trigram bitmap. */
export const TEXT_WALK = 2000;

function summaryQuery(db: DbOrTx) {
  return db
    .select({
      case: cases,
      customerName: customers.name,
      propertyName: properties.name,
      lease: { id: leases.id, number: leases.number, unitType: units.type, address: units.address },
      objectNumber: equipmentObjects.number,
      assigneeName: staffUsers.name,
      workOrderCount: sql<number>`(select count(*)::int from ${workOrders} where ${workOrders.caseId} = ${cases.id})`,
    })
    .from(cases)
    .innerJoin(properties, eq(properties.id, cases.propertyId))
    .leftJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(leases, eq(leases.id, cases.leaseId))
    .leftJoin(units, eq(units.id, leases.unitId))
    .leftJoin(equipmentObjects, eq(equipmentObjects.id, cases.objectId))
    .leftJoin(staffUsers, eq(staffUsers.id, cases.assigneeId));
}
export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

/**
 * One keyset page of the cases in view, and their number capped at COUNT_CAP (docs/case-search.md).
 * The page's ids come from `cases` alone (a one-table plan: walk the sort's index, or bitmap and
 * top-N sort), then their list rows by id. A first page that is not full is the whole result, so
 * it is its own count; otherwise the count reads in the list's own order with a limit, so it
 * takes the same kind of path as the page.
 */
export async function listCases(
  db: DbOrTx,
  viewer: Viewer,
  filters: CaseFilters,
  page: { sort: CaseSort; cursor?: string | undefined; limit: number },
) {
  const sort = SORTS[page.sort];
  const ks = keyset(sort.columns, sort.dir);
  if (page.cursor !== undefined && (!page.cursor.startsWith(sort.tag) || page.cursor.length === sort.tag.length))
    throw badRequest('validation_failed');
  const pos = ks.decode(page.cursor?.slice(sort.tag.length));
  const base = and(visibleTo(viewer), baseFilterSql(filters));
  const text = textFilterSql(viewer.landlordId, filters);
  const keys = hasText(filters)
    ? await textPage(db, viewer.landlordId, filters, sort, base, text, pos, page.limit)
    : await db
        .select({ id: cases.id, ...ks.select })
        .from(cases)
        .where(and(base, ks.where(pos)))
        .orderBy(...ks.orderBy(pos))
        .limit(page.limit + 1);
  const { items, nextCursor, previousCursor } = ks.page(keys, page.limit, pos);
  const [rows, count] = await Promise.all([
    items.length
      ? summaryQuery(db).where(
          and(
            eq(cases.landlordId, viewer.landlordId),
            inArray(
              cases.id,
              items.map((k) => k.id),
            ),
          ),
        )
      : [],
    !pos && !nextCursor ? { total: items.length, totalCapped: false } : countCases(db, base, text, ks),
  ]);
  const byId = new Map(rows.map((r) => [r.case.id, r]));
  return {
    // A case deleted between the two reads is left out rather than failing the page.
    items: items.map((k) => byId.get(k.id)).filter((r): r is CaseSummaryRow => r !== undefined),
    nextCursor: nextCursor && sort.tag + nextCursor,
    previousCursor: previousCursor && sort.tag + previousCursor,
    ...count,
  };
}

/**
 * A page of a text search, in two steps whose plans do not hang on the planner guessing how common
 * the words are (docs/case-search.md). 1: read at most TEXT_WALK cases in the list's order (its
 * btree index, other filters applied) and keep the matches; a common word fills the page here.
 * 2: when it did not, the matches are few: find them all through the trigram index and sort them
 * (the key made opaque, so no btree walk can be chosen).
 */
async function textPage(
  db: DbOrTx,
  landlordId: string,
  filters: CaseFilters,
  sort: { columns: KeyColumn[]; dir: 'asc' | 'desc' },
  base: SQL | undefined,
  text: SQL | undefined,
  pos: Position | undefined,
  limit: number,
) {
  const ks = keyset(sort.columns, sort.dir);
  const keyFields = Object.fromEntries(Object.entries(ks.select).map(([name, expr]) => [name, expr.as(name)]));
  const sortFields = Object.fromEntries(sort.columns.map((c, i) => [`s${i}`, sql`${c.expr}`.as(`s${i}`)]));
  const walk = db
    .select({
      id: cases.id,
      ...keyFields,
      ...sortFields,
      // The long text only when `q` reads it.
      search: (filters.q ? SEARCH_TEXT : sql<string>`''`).as('search'),
      street: cases.street,
      invoiceMarking: cases.invoiceMarking,
      agreementNumber: cases.agreementNumber,
      objectId: cases.objectId,
    })
    .from(cases)
    .where(and(base, ks.where(pos)))
    .orderBy(...ks.orderBy(pos))
    .limit(TEXT_WALK)
    .as('walk');
  const w = walk as unknown as Record<string, SQLWrapper>;
  const wks = keyset(
    sort.columns.map((c, i) => ({ expr: w[`s${i}`]!, type: c.type })),
    sort.dir,
  );
  const first = await db
    .select({ id: walk.id, ...Object.fromEntries(Object.keys(ks.select).map((name) => [name, w[name]!])) } as {
      id: typeof walk.id;
    } & Record<string, SQL<string>>)
    .from(walk)
    .where(
      textFilterSql(landlordId, filters, {
        search: w.search!,
        street: w.street!,
        invoiceMarking: w.invoiceMarking!,
        agreementNumber: w.agreementNumber!,
        objectId: w.objectId!,
      }),
    )
    .orderBy(...wks.orderBy(pos))
    .limit(limit + 1);
  if (first.length > limit) return first as ({ id: string } & Record<string, string>)[];
  const sorted = keyset(sort.columns.map(opaque), sort.dir);
  return db
    .select({ id: cases.id, ...sorted.select })
    .from(cases)
    .where(and(base, text, sorted.where(pos)))
    .orderBy(...sorted.orderBy(pos))
    .limit(limit + 1);
}

/**
 * Matches up to COUNT_CAP. Without text filters it reads in the list's order (btree estimates are
 * good, so the walk and the count take the same path). With them, matches are counted as found
 * (no order), and sequential scans are off for that statement: a scan that "stops early" never
 * does when the matches sit at the end of the table (open cases are the newest).
 */
async function countCases(db: DbOrTx, base: SQL | undefined, text: SQL | undefined, ks: ReturnType<typeof keyset>) {
  if (!text)
    return cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(cases)
        .where(base)
        .orderBy(...ks.orderBy()),
    );
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return cappedCount(tx, tx.select({ one: sql`1` }).from(cases).where(and(base, text)));
  });
}

export async function findCase(db: DbOrTx, viewer: Viewer, caseId: string) {
  const [row] = await summaryQuery(db).where(and(visibleTo(viewer), eq(cases.id, caseId)));
  return row;
}

/** Locks a visible case for a change, so concurrent status moves apply one at a time. */
export async function lockCase(db: DbOrTx, viewer: Viewer, caseId: string) {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(visibleTo(viewer), eq(cases.id, caseId)))
    .for('update', { of: cases });
  return row;
}

// --- statistics ----------------------------------------------------------------------------------

const GROUP_KEY = {
  month: sql<string>`to_char(${cases.createdAt} at time zone 'UTC', 'YYYY-MM')`,
  property: sql<string>`${cases.propertyId}::text`,
  type: sql<string>`${cases.type}`,
  status: sql<string>`${cases.status}`,
} as const;

type Moment = typeof cases.firstResponseAt | typeof cases.resolvedAt;
const hours = (column: Moment) => sql`extract(epoch from (${column} - ${cases.createdAt})) / 3600.0`;
const percentile = (p: number, column: Moment) =>
  sql<number | null>`percentile_cont(${p}) within group (order by ${hours(column)}) filter (where ${column} is not null)`;

/** Seed 003's dashboard figures, all computed by Postgres over the cases in view. */
/** `groupBy: 'total'` gives one row over everything in view. */
export async function caseStats(db: DbOrTx, viewer: Viewer, groupBy: keyof typeof GROUP_KEY | 'total', filters: CaseFilters) {
  const key = groupBy === 'total' ? sql<string>`'total'` : GROUP_KEY[groupBy];
  const perCase = db
    .select({
      caseId: workOrders.caseId,
      orders: sql<number>`count(*)::int`.as('orders'),
      cost: sql<number>`sum(${workOrders.materialCostMinor})::bigint`.as('cost'),
    })
    .from(workOrders)
    // This landlord's work orders only, not every landlord's aggregated on each dashboard load.
    .where(eq(workOrders.landlordId, viewer.landlordId))
    .groupBy(workOrders.caseId)
    .as('wo');
  const query = db
    .select({
      key,
      label: groupBy === 'property' ? sql<string>`min(${properties.name})` : key,
      cases: sql<number>`count(*)::int`,
      workOrders: sql<number>`coalesce(sum(${perCase.orders}), 0)::int`,
      costMinor: sql<number>`coalesce(sum(${perCase.cost}), 0)::bigint`.mapWith(Number),
      firstResponseMedianHours: percentile(0.5, cases.firstResponseAt).mapWith((v) => (v === null ? null : Number(v))),
      firstResponseP90Hours: percentile(0.9, cases.firstResponseAt).mapWith((v) => (v === null ? null : Number(v))),
      resolutionMedianHours: percentile(0.5, cases.resolvedAt).mapWith((v) => (v === null ? null : Number(v))),
      resolutionP90Hours: percentile(0.9, cases.resolvedAt).mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(cases)
    .innerJoin(properties, eq(properties.id, cases.propertyId))
    .leftJoin(perCase, eq(perCase.caseId, cases.id))
    .leftJoin(equipmentObjects, eq(equipmentObjects.id, cases.objectId))
    .where(and(visibleTo(viewer), filterSql(viewer.landlordId, filters)));
  return groupBy === 'total' ? query : query.groupBy(key).orderBy(key);
}
