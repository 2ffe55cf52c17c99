import type { LoaderFunctionArgs } from 'react-router';
import { caseQueryOptions } from '@/features/cases/api/get-case';
import { casesQueryOptions } from '@/features/cases/api/get-cases';
import { CASE_PAGE_SIZE } from '@/features/cases/components/case-table';
import { filtersFromParams } from '@/features/cases/utils/case-filters';
import { loadSelection, prefetch } from './prefetch';

export async function caseLoader({ params }: LoaderFunctionArgs) {
  const context = await loadSelection();
  if (!context?.selection || !params.caseId) return null;
  await prefetch(caseQueryOptions(context.selection.customerId, params.caseId));
  return null;
}

/** /cases: the table as the page asks for it (filters from the URL, the selected customer). */
export async function casesLoader({ request }: LoaderFunctionArgs) {
  const context = await loadSelection();
  if (!context?.selection) return null;
  const filters = filtersFromParams(new URL(request.url).searchParams);
  await prefetch(casesQueryOptions({ ...filters, customerId: context.selection.customerId, limit: CASE_PAGE_SIZE }));
  return null;
}
