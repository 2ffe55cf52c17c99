import type { StatsRow } from './contracts/cases';

const MONTH = /^(\d{4})-(\d{2})/;

/** "2026-03" from a month key or an ISO date; null if it is neither. */
function monthOf(value: string | undefined): string | null {
  const m = value ? MONTH.exec(value) : null;
  return m ? `${m[1]}-${m[2]}` : null;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The figures of a group with no cases: zero counts, and no lead times (nothing to measure). */
export const NO_CASES: Omit<StatsRow, 'key' | 'label'> = {
  cases: 0,
  workOrders: 0,
  costMinor: 0,
  firstResponseMedianHours: null,
  firstResponseP90Hours: null,
  resolutionMedianHours: null,
  resolutionP90Hours: null,
};

/** A month with no cases. */
export const emptyMonth = (key: string): StatsRow => ({ key, label: key, ...NO_CASES });

/**
 * The statistics grouped by month only list months that have cases; a chart's time axis must
 * show every month. Fills the gaps from the range's first month (else the first month with cases)
 * to its last (else the current month), in order. Rows outside the range are kept.
 */
export function fillMonthGaps(
  rows: StatsRow[],
  range: { from?: string | undefined; to?: string | undefined } = {},
  now: Date = new Date(),
): StatsRow[] {
  const byMonth = new Map(rows.map((r) => [r.key, r]));
  const keys = rows
    .map((r) => r.key)
    .filter((k) => MONTH.test(k))
    .sort();
  const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const first = monthOf(range.from) ?? keys[0];
  const last = monthOf(range.to) ?? [keys.at(-1) ?? current, current].sort().at(-1)!;
  if (!first || first > last) return rows;
  const out: StatsRow[] = [];
  // A range of years is at most a few hundred months; the cap keeps a typo from hanging the page.
  for (let month = first, n = 0; month <= last && n < 1200; month = nextMonth(month), n++)
    out.push(byMonth.get(month) ?? emptyMonth(month));
  const inRange = new Set(out.map((r) => r.key));
  return [...rows.filter((r) => !inRange.has(r.key)), ...out].sort((a, b) => a.key.localeCompare(b.key));
}

/** "nov. 2026" / "Nov 2026" for a month key, in the reader's language. */
export function formatMonth(key: string, locale: string): string {
  const month = monthOf(key);
  if (!month) return key;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

type Translate = (key: string, options: { defaultValue: string }) => string;

/** A statistics row's name: types and statuses in the reader's language, months as dates in it, properties as the API names them. */
export function statsRowLabel(t: Translate, locale: string, groupBy: string, row: Pick<StatsRow, 'key' | 'label'>): string {
  if (groupBy === 'type') return t(`cases.type.${row.key}`, { defaultValue: row.label });
  if (groupBy === 'status') return t(`cases.status.${row.key}`, { defaultValue: row.label });
  if (groupBy === 'month') return formatMonth(row.key, locale);
  return row.label;
}
