import type { HelpArticlePage } from '@portico/shared/contracts/help';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type HelpArticleListParams, helpKeys } from './query-keys';

export const getHelpArticles = (params: HelpArticleListParams) => api.get<HelpArticlePage>('/api/v1/help-articles', params);

export const helpArticlesQueryOptions = (params: HelpArticleListParams) =>
  queryOptions({ queryKey: helpKeys.list(params), queryFn: () => getHelpArticles(params), placeholderData: keepPreviousData });

export const useHelpArticles = (params: HelpArticleListParams) => useQuery(helpArticlesQueryOptions(params));
