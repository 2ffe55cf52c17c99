import type { PortalHelpArticleList, PortalHelpQuery } from '@portico/shared/contracts/help';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { helpKeys } from './keys';

/** The help centre's articles in a language (fallback: the landlord's), or the best matches for `q`. */
export function getHelpArticles(params: PortalHelpQuery) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const qs = search.toString();
  return api.get<PortalHelpArticleList>(`/api/v1/portal/help-articles${qs ? `?${qs}` : ''}`);
}

export const helpArticlesQueryOptions = (customerId: string, params: PortalHelpQuery) =>
  queryOptions({ queryKey: helpKeys.list(customerId, params), queryFn: () => getHelpArticles(params), placeholderData: keepPreviousData });

export function useHelpArticles(customerId: string, params: PortalHelpQuery) {
  return useQuery({ ...helpArticlesQueryOptions(customerId, params), enabled: Boolean(customerId) });
}
