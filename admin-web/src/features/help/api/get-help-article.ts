import type { HelpArticle } from '@portico/shared/contracts/help';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { helpKeys } from './query-keys';

export const getHelpArticle = (id: string) => api.get<HelpArticle>(`/api/v1/help-articles/${encodeURIComponent(id)}`);

export const helpArticleQueryOptions = (id: string) => queryOptions({ queryKey: helpKeys.detail(id), queryFn: () => getHelpArticle(id) });

export const useHelpArticle = (id: string) => useQuery({ ...helpArticleQueryOptions(id), enabled: Boolean(id) });
