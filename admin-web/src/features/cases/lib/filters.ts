import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType } from '@portico/shared/contracts/cases';
import { CursorSchema } from '@portico/shared/pagination';
import type { CaseListParams, CaseScope, CaseSort, StatsGroup } from '../api/query-keys';

export const CASES_PAGE_SIZE = 25;
export const CASE_SCOPES: readonly CaseScope[] = ['current', 'historical', 'all'];
export const CASE_SORTS: readonly CaseSort[] = ['created_desc', 'created_asc', 'updated_desc', 'due_asc', 'number_desc'];
export const STATS_GROUPS: readonly StatsGroup[] = ['month', 'property', 'type', 'status'];

/** The queue's filters as they live in the URL (everything but paging). */
export type CaseFilters = Omit<CaseListParams, 'cursor' | 'limit'>;

/** The page's cursor in the URL, if it is one (a damaged link starts from the first page). */
export function cursorFromSearch(params: URLSearchParams): string | undefined {
  const parsed = CursorSchema.safeParse(params.get('cursor'));
  return parsed.success ? parsed.data : undefined;
}

const TEXT_KEYS = [
  'from',
  'to',
  'street',
  'objectNumber',
  'invoiceMarking',
  'agreementNumber',
  'q',
  'propertyId',
  'assigneeId',
  'customerId',
] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/** Reads the filters from the query string; unknown or malformed values are dropped. Scope defaults to current. */
export function filtersFromSearch(params: URLSearchParams): CaseFilters {
  const filters: CaseFilters = {
    scope: oneOf(CASE_SCOPES, params.get('scope')) ?? 'current',
    sort: oneOf(CASE_SORTS, params.get('sort')) ?? 'created_desc',
  };
  const statuses = params
    .getAll('status')
    .map((s) => oneOf<CaseStatus>(CASE_STATUSES, s))
    .filter((s): s is CaseStatus => Boolean(s));
  if (statuses.length > 0) filters.status = [...new Set(statuses)];
  const type = oneOf<CaseType>(CASE_TYPES, params.get('type'));
  if (type) filters.type = type;
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if ((key === 'from' || key === 'to') && !DATE.test(value)) continue;
    filters[key] = value;
  }
  const month = params.get('month');
  if (month && MONTH.test(month)) filters.month = month;
  if (params.get('overdue') === 'true') filters.overdue = true;
  return filters;
}

/**
 * The inverse of filtersFromSearch; defaults are left out so plain /cases stays plain. The cursor
 * goes along only when paging: a filter change starts from the first page.
 */
export function filtersToSearch(filters: CaseFilters, cursor?: string): URLSearchParams {
  const search = new URLSearchParams();
  for (const status of filters.status ?? []) search.append('status', status);
  if (filters.scope !== 'current') search.set('scope', filters.scope);
  if (filters.type) search.set('type', filters.type);
  for (const key of TEXT_KEYS) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (filters.month) search.set('month', filters.month);
  if (filters.overdue) search.set('overdue', 'true');
  if (filters.sort !== 'created_desc') search.set('sort', filters.sort);
  if (cursor) search.set('cursor', cursor);
  return search;
}

/** Dashboard bar → the queue filtered to what the bar stands for, across all statuses and time. */
export function drillDownSearch(groupBy: StatsGroup, key: string): string {
  const filter = groupBy === 'property' ? 'propertyId' : groupBy;
  return new URLSearchParams({ [filter]: key, scope: 'all' }).toString();
}
