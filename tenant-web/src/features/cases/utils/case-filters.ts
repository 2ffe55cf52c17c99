import { CaseListQuerySchema, CaseSortSchema, CaseStatusSchema, CaseTypeSchema } from '@portico/shared/contracts/cases';
import { CursorSchema } from '@portico/shared/pagination';
import { z } from 'zod';
import type { CaseListParams, CaseScope, CaseSort } from '../api/keys';

/** The list's filters and page cursor as they live in the URL, so a link or a reload keeps them. */
export type CaseFilters = Omit<CaseListParams, 'customerId' | 'limit'>;

export const DEFAULT_SCOPE: CaseScope = 'current';
export const DEFAULT_SORT: CaseSort = 'created_desc';
export const CASE_SCOPES: readonly CaseScope[] = ['current', 'historical', 'all'];

const ScopeSchema = z.enum(['current', 'historical', 'all']);
const DateSchema = z.iso.date();
const MonthSchema = z.string().regex(/^\d{4}-\d{2}$/);
const UuidSchema = z.uuid();

/** The free-text fields of the search form, in the order the form shows them. */
export const TEXT_FILTERS = ['street', 'objectNumber', 'invoiceMarking', 'agreementNumber', 'q'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

/** The query's own limit for a free-text field, so a long link is cut rather than refused. */
const maxText = (name: TextFilter) => CaseListQuerySchema.shape[name].unwrap().maxLength ?? undefined;

function valid<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null || value === '') return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function text(params: URLSearchParams, name: TextFilter): string | undefined {
  const value = params.get(name)?.trim().slice(0, maxText(name));
  return value || undefined;
}

/** Unknown or malformed values are dropped rather than sent to the API. */
export function filtersFromParams(params: URLSearchParams): CaseFilters {
  return {
    scope: valid(ScopeSchema, params.get('scope')) ?? DEFAULT_SCOPE,
    sort: valid(CaseSortSchema, params.get('sort')) ?? DEFAULT_SORT,
    cursor: valid(CursorSchema, params.get('cursor')),
    status: valid(CaseStatusSchema, params.get('status')),
    type: valid(CaseTypeSchema, params.get('type')),
    from: valid(DateSchema, params.get('from')),
    to: valid(DateSchema, params.get('to')),
    street: text(params, 'street'),
    objectNumber: text(params, 'objectNumber'),
    invoiceMarking: text(params, 'invoiceMarking'),
    agreementNumber: text(params, 'agreementNumber'),
    q: text(params, 'q'),
    propertyId: valid(UuidSchema, params.get('propertyId')),
    month: valid(MonthSchema, params.get('month')),
  };
}

/** Defaults are left out to keep links short. */
export function filtersToParams(filters: CaseFilters): URLSearchParams {
  const out = new URLSearchParams();
  const set = (name: string, value: string | undefined) => {
    if (value) out.set(name, value);
  };
  if (filters.scope !== DEFAULT_SCOPE) out.set('scope', filters.scope);
  set('status', filters.status);
  set('type', filters.type);
  set('month', filters.month);
  set('propertyId', filters.propertyId);
  set('from', filters.from);
  set('to', filters.to);
  for (const name of TEXT_FILTERS) set(name, filters[name]);
  if (filters.sort !== DEFAULT_SORT) out.set('sort', filters.sort);
  set('cursor', filters.cursor);
  return out;
}
