import type { PortalHelpArticle } from '@portico/shared/contracts/help';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { helpKeys } from './keys';

export function getHelpArticle(articleId: string) {
  return api.get<PortalHelpArticle>(`/api/v1/portal/help-articles/${encodeURIComponent(articleId)}`);
}

export const helpArticleQueryOptions = (customerId: string, articleId: string) =>
  queryOptions({ queryKey: helpKeys.detail(customerId, articleId), queryFn: () => getHelpArticle(articleId) });

export function useHelpArticle(customerId: string, articleId: string) {
  return useQuery({ ...helpArticleQueryOptions(customerId, articleId), enabled: Boolean(customerId && articleId) });
}
